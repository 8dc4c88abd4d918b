package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.spi.StateEntry;
import dev.sluice.spi.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The state store's compare-and-set: absent → version 1, each success adds one, a mismatch
 * returns false and changes nothing, and of racing writers exactly one wins. A destination
 * without a state store fails these tests rather than skipping them: it overrides each with
 * {@code @Disabled("reason")}, so that a store that went missing is noticed.
 */
public abstract class StateStoreConformance extends ValueConformance {
    private static final int RACERS = 8;

    private StateStore store(String table) {
        Optional<StateStore> store = destination().stateStore(table);
        assertThat(store).as("the destination's state store (a destination without one overrides these tests"
                + " with @Disabled)").isPresent();
        return store.get();
    }

    @Test
    public void compareAndSetCreatesAnAbsentEntryAtVersionOne() {
        StateStore s = store("sluice_state");
        assertThat(s.get("cursor")).isEmpty();
        assertThat(s.compareAndSet("cursor", OptionalLong.empty(), "a")).isTrue();
        assertThat(s.get("cursor")).contains(new StateEntry("cursor", "a", 1));
        assertThat(s.compareAndSet("cursor", OptionalLong.empty(), "b")).as("the entry exists").isFalse();
        assertThat(s.get("cursor")).contains(new StateEntry("cursor", "a", 1));
    }

    @Test
    public void compareAndSetWithAStaleVersionChangesNothing() {
        StateStore s = store("sluice_state");
        assertThat(s.compareAndSet("cursor", OptionalLong.empty(), "a")).isTrue();
        assertThat(s.compareAndSet("cursor", OptionalLong.of(1), "b")).isTrue();
        assertThat(s.get("cursor")).contains(new StateEntry("cursor", "b", 2));
        assertThat(s.compareAndSet("cursor", OptionalLong.of(1), "c")).isFalse();
        assertThat(s.compareAndSet("cursor", OptionalLong.of(3), "c")).isFalse();
        assertThat(s.get("cursor")).contains(new StateEntry("cursor", "b", 2));
        assertThat(s.compareAndSet("absent", OptionalLong.of(1), "x")).as("no entry to update").isFalse();
        assertThat(s.get("absent")).isEmpty();
    }

    @Test
    public void entriesAreSeparateByKeyAndTable() {
        StateStore first = store("state \"odd\"; table");
        StateStore second = store("other_state");
        String value = "{\"cursor\":\"2024-05-01T10:00:00Z\",\"text\":\"ü 🚀 ' \\\"\"}";
        assertThat(first.compareAndSet("k ' \" ü", OptionalLong.empty(), value)).isTrue();
        assertThat(first.compareAndSet("other", OptionalLong.empty(), "")).isTrue();
        assertThat(first.get("k ' \" ü")).contains(new StateEntry("k ' \" ü", value, 1));
        assertThat(first.get("other")).contains(new StateEntry("other", "", 1));
        assertThat(second.get("k ' \" ü")).isEmpty();
        assertThat(store("state \"odd\"; table").get("other")).as("a second handle sees the entry").isPresent();
    }

    @Test
    public void ofWritersRacingFromTheSameVersionExactlyOneWins() throws Exception {
        StateStore s = store("sluice_state");
        assertThat(race(s, "fresh", OptionalLong.empty())).isEqualTo(1);
        assertThat(s.get("fresh").orElseThrow().version()).isEqualTo(1);
        assertThat(race(s, "fresh", OptionalLong.of(1))).isEqualTo(1);
        StateEntry e = s.get("fresh").orElseThrow();
        assertThat(e.version()).isEqualTo(2);
        assertThat(e.value()).startsWith("racer ");
    }

    /** Runs {@link #RACERS} threads doing the same compare-and-set at once; returns how many won. */
    private static int race(StateStore s, String key, OptionalLong expected) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                String value = "racer " + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return s.compareAndSet(key, expected, value);
                }));
            }
            start.countDown();
            int wins = 0;
            for (Future<Boolean> f : results) {
                wins += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            return wins;
        } finally {
            pool.shutdownNow();
        }
    }
}
