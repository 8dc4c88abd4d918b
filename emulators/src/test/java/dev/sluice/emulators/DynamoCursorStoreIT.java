package dev.sluice.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.fetch.PositionedStateStore;
import dev.sluice.infra.DynamoCursorStore;
import dev.sluice.spi.Destination;
import dev.sluice.spi.StateEntry;
import dev.sluice.spi.StateStore;
import dev.sluice.testkit.MemoryDestination;
import dev.sluice.testkit.StateStoreConformance;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * testkit's state store conformance on the DynamoDB cursor store (dynalite): the suite's
 * "state table" names become source names (partition keys) unique to each test, on a
 * {@link MemoryDestination} that answers the suite's other tests.
 */
class DynamoCursorStoreIT extends StateStoreConformance {
    private static LocalAws aws;
    private final String prefix = UUID.randomUUID() + "/";

    @BeforeAll
    static void startEmulators() {
        aws = LocalAws.start();
    }

    @AfterAll
    static void stopEmulators() {
        if (aws != null) {
            aws.close();
        }
    }

    @Override
    protected Destination newDestination() {
        return new MemoryDestination() {
            @Override
            public Optional<StateStore> stateStore(String tableName) {
                return Optional.of(store(tableName));
            }
        };
    }

    private DynamoCursorStore store(String source) {
        return new DynamoCursorStore(aws.dynamo(), aws.cursorsTable(), prefix + source);
    }

    @Test
    void twoWritersFromTheSameVersionOneWinsAndTheLoserLeavesItsValue() throws Exception {
        DynamoCursorStore a = store("src");
        DynamoCursorStore b = store("src");
        assertThat(a.compareAndSet("users", OptionalLong.empty(), "cursor-1")).isTrue();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Boolean>> racers = List.of(a, b).stream().map(s -> CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return s.compareAndSet("users", OptionalLong.of(1), s == a ? "from-a" : "from-b");
        })).toList();
        go.countDown();
        boolean aWon = racers.get(0).get();
        boolean bWon = racers.get(1).get();
        assertThat(aWon ^ bWon).as("exactly one wins").isTrue();
        assertThat(b.get("users")).contains(new StateEntry("users", aWon ? "from-a" : "from-b", 2));
    }

    @Test
    void aCursorNeverMovesBackwards() {
        DynamoCursorStore s = store("src");
        assertThat(s.compareAndSet("t#p1", OptionalLong.empty(), "v1")).isTrue();
        assertThat(s.compareAndSet("t#p1", OptionalLong.of(1), "v2")).isTrue();
        assertThat(s.compareAndSet("t#p1", OptionalLong.of(2), "v3")).isTrue();
        assertThat(s.compareAndSet("t#p1", OptionalLong.of(1), "old")).isFalse();
        assertThat(s.compareAndSet("t#p1", OptionalLong.empty(), "old")).isFalse();
        assertThat(s.get("t#p1")).contains(new StateEntry("t#p1", "v3", 3));
        assertThat(store("other-source").get("t#p1")).isEmpty();
    }

    @Test
    void aRetriedWriteThatLandedCountsAsWrittenButAnotherValueLoses() {
        DynamoCursorStore s = store("src");
        assertThat(s.compareAndSet("t", OptionalLong.empty(), "v1")).isTrue();
        assertThat(s.compareAndSet("t", OptionalLong.empty(), "v1")).as("the retry of the first write").isTrue();
        assertThat(s.compareAndSet("t", OptionalLong.of(1), "v2")).isTrue();
        assertThat(s.compareAndSet("t", OptionalLong.of(1), "v2")).as("the retry of a write that landed").isTrue();
        assertThat(s.compareAndSet("t", OptionalLong.of(1), "other")).isFalse();
        assertThat(s.get("t")).contains(new StateEntry("t", "v2", 2));
    }

    @Test
    void aPositionedWriteBehindTheStoredPositionChangesNothingAndIsToldApart() {
        DynamoCursorStore s = store("src");
        assertThat(s.compareAndSet("t", OptionalLong.empty(), "c5", "run1/5")).isEqualTo(PositionedStateStore.Write.WRITTEN);
        assertThat(s.compareAndSet("t", OptionalLong.empty(), "c5", "run1/5")).as("retry").isEqualTo(PositionedStateStore.Write.WRITTEN);
        assertThat(s.compareAndSet("t", OptionalLong.of(1), "c3", "run1/3")).as("a replayed page")
                .isEqualTo(PositionedStateStore.Write.BEHIND);
        assertThat(s.compareAndSet("t", OptionalLong.of(1), "c5", "run1/5")).isEqualTo(PositionedStateStore.Write.BEHIND);
        assertThat(s.get("t")).contains(new StateEntry("t", "c5", 1));
        assertThat(s.compareAndSet("t", OptionalLong.of(1), "c6", "run1/6")).isEqualTo(PositionedStateStore.Write.WRITTEN);
        assertThat(s.compareAndSet("t", OptionalLong.of(1), "x", "run1/7")).as("another writer moved it")
                .isEqualTo(PositionedStateStore.Write.CONFLICT);
        assertThat(s.get("t")).contains(new StateEntry("t", "c6", 2));
    }
}
