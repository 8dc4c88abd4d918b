package dev.sluice.engine.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.engine.MovingClock;
import dev.sluice.engine.sync.MapStateStore;
import dev.sluice.spi.StateEntry;
import dev.sluice.spi.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SourceLeaseTest {
    private final MapStateStore store = new MapStateStore();
    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final LeaseSettings settings = new LeaseSettings(Duration.ofSeconds(60), Duration.ZERO, clock);

    @Test
    void aSecondRunOfTheSameSourceIsRefusedNamingTheHolder() {
        SourceLease first = SourceLease.take(store, "shop", "run-1", settings);
        assertThat(first.held()).isTrue();
        assertThatThrownBy(() -> SourceLease.take(store, "shop", "run-2", settings))
                .isInstanceOf(LeaseHeldException.class)
                .hasMessageContaining("source shop is being synced by run run-1")
                .hasMessageContaining("host " + ThisProcess.HOST)
                .hasMessageContaining("pid " + ThisProcess.PID)
                .hasMessageContaining("since " + clock.instant())
                .hasMessageContaining("--wait-for-lease");
        // other sources are independent
        assertThat(SourceLease.take(store, "crm", "run-3", settings).held()).isTrue();
    }

    @Test
    void aReleasedLeaseIsFreeAtOnce() {
        SourceLease.take(store, "shop", "run-1", settings).release();
        SourceLease second = SourceLease.take(store, "shop", "run-2", settings);
        assertThat(second.holder().runId()).isEqualTo("run-2");
    }

    @Test
    void anExpiredLeaseIsTakenOverAndItsOldHolderLearnsItAtItsNextRenewal() {
        SourceLease first = SourceLease.take(store, "shop", "run-1", settings);
        clock.advance(Duration.ofSeconds(61)); // run-1 stopped renewing (a long pause)
        assertThat(first.held()).isFalse();
        SourceLease second = SourceLease.take(store, "shop", "run-2", settings);
        assertThat(second.held()).isTrue();
        assertThat(first.renew()).isFalse();
        assertThat(first.confirm()).isFalse();
        first.release(); // must not release run-2's lease
        assertThat(second.renew()).isTrue();
        assertThatThrownBy(() -> SourceLease.take(store, "shop", "run-3", settings)).isInstanceOf(LeaseHeldException.class);
    }

    @Test
    void renewalKeepsTheLeaseAliveBeyondItsFirstExpiry() {
        SourceLease first = SourceLease.take(store, "shop", "run-1", settings);
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(20));
            assertThat(first.renew()).isTrue();
        }
        assertThat(first.held()).isTrue();
        assertThatThrownBy(() -> SourceLease.take(store, "shop", "run-2", settings)).isInstanceOf(LeaseHeldException.class);
    }

    @Test
    void aHolderWhoseProcessIsGoneFromThisHostIsTakenOverWithoutWaitingForTheExpiry() throws Exception {
        Process p = new ProcessBuilder("sleep", "30").start();
        long deadPid = p.pid();
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        LeaseHolder dead = new LeaseHolder("run-killed", ThisProcess.HOST, deadPid, clock.instant(),
                clock.instant().plusSeconds(3600), false);
        assertThat(store.compareAndSet(SourceLease.key("shop"), OptionalLong.empty(), dead.encode())).isTrue();
        SourceLease taken = SourceLease.take(store, "shop", "run-2", settings);
        assertThat(taken.holder().runId()).isEqualTo("run-2");
    }

    @Test
    void aRunOfThisProcessThatEndedWithoutReleasingIsTakenOverAtOnce() {
        SourceLease ended = SourceLease.take(new Unreachable(store), "shop", "run-1", settings);
        ended.release(); // the state store was unreachable: the entry still names run-1
        assertThat(LeaseHolder.decode(store.get(SourceLease.key("shop")).orElseThrow().value()).orElseThrow().released()).isFalse();
        assertThat(SourceLease.take(store, "shop", "run-2", settings).holder().runId()).isEqualTo("run-2");
    }

    @Test
    void aHolderOnAnotherHostIsTrustedUntilItsExpiry() {
        LeaseHolder remote = new LeaseHolder("run-remote", "another-host.example", 1, clock.instant(),
                clock.instant().plusSeconds(60), false);
        store.compareAndSet(SourceLease.key("shop"), OptionalLong.empty(), remote.encode());
        assertThatThrownBy(() -> SourceLease.take(store, "shop", "run-2", settings))
                .hasMessageContaining("host another-host.example");
        clock.advance(Duration.ofSeconds(60));
        assertThat(SourceLease.take(store, "shop", "run-2", settings).held()).isTrue();
    }

    @Test
    void waitingTakesTheLeaseOnceTheHolderReleasesIt() throws Exception {
        LeaseSettings real = new LeaseSettings(Duration.ofSeconds(60), Duration.ofSeconds(20), Clock.systemUTC());
        SourceLease first = SourceLease.take(store, "shop", "run-1", real);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<SourceLease> waiter = pool.submit(() -> SourceLease.take(store, "shop", "run-2", real));
            Thread.sleep(300);
            assertThat(waiter.isDone()).isFalse();
            first.release();
            assertThat(waiter.get(10, TimeUnit.SECONDS).holder().runId()).isEqualTo("run-2");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void waitingGivesUpAfterTheWait() {
        LeaseSettings shortWait = new LeaseSettings(Duration.ofSeconds(60), Duration.ofMillis(300), Clock.systemUTC());
        SourceLease.take(store, "shop", "run-1", shortWait);
        long started = System.nanoTime();
        assertThatThrownBy(() -> SourceLease.take(store, "shop", "run-2", shortWait))
                .isInstanceOf(LeaseHeldException.class).hasMessageContaining("gave up after waiting");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(5));
    }

    @Test
    void ofRunsStartingTogetherExactlyOneGetsTheLease() throws Exception {
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<String> winner = new AtomicReference<>();
        try {
            java.util.List<Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                String run = "run-" + i;
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        SourceLease.take(store, "shop", run, settings);
                        winner.set(run);
                        return true;
                    } catch (LeaseHeldException refused) {
                        return false;
                    }
                }));
            }
            go.countDown();
            long won = 0;
            for (Future<Boolean> f : results) {
                won += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
            assertThat(LeaseHolder.decode(store.get(SourceLease.key("shop")).orElseThrow().value()).orElseThrow().runId())
                    .isEqualTo(winner.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnreadableEntryDoesNotBlockForever() {
        store.compareAndSet(SourceLease.key("shop"), OptionalLong.empty(), "not json");
        assertThat(SourceLease.take(store, "shop", "run-1", settings).held()).isTrue();
    }

    /** Reads and takes through {@code store}, then fails every later write, as a server that went away. */
    static final class Unreachable implements StateStore {
        private final StateStore store;
        private boolean down;

        Unreachable(StateStore store) {
            this.store = store;
        }

        @Override
        public Optional<StateEntry> get(String key) {
            return store.get(key);
        }

        @Override
        public boolean compareAndSet(String key, OptionalLong expectedVersion, String value) {
            if (down) {
                throw new dev.sluice.spi.ConnectorException("cannot connect");
            }
            down = true;
            return store.compareAndSet(key, expectedVersion, value);
        }
    }

}
