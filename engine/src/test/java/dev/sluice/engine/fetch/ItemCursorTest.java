package dev.sluice.engine.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.spi.StateEntry;
import dev.sluice.spi.TransientException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** {@link ItemCursor}: commits under retry, a retried write that landed, replays that never move a cursor back. */
class ItemCursorTest {
    private static final Retry RETRY = new Retry(3, Duration.ofMillis(1), Duration.ofMillis(1));

    /** A versioned map; {@code loseAnswers} writes land but answer with a transient failure. */
    private static class Store implements PositionedStateStore {
        final Map<String, StateEntry> entries = new HashMap<>();
        final Map<String, String> positions = new HashMap<>();
        int loseAnswers;

        @Override
        public synchronized Optional<StateEntry> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        @Override
        public synchronized boolean compareAndSet(String key, OptionalLong expected, String value) {
            StateEntry e = entries.get(key);
            if (e == null ? expected.isPresent() : expected.isEmpty() || e.version() != expected.getAsLong()) {
                return false;
            }
            entries.put(key, new StateEntry(key, value, expected.orElse(0) + 1));
            if (loseAnswers > 0) {
                loseAnswers--;
                throw new TransientException("timed out (the write landed)");
            }
            return true;
        }

        @Override
        public synchronized Write compareAndSet(String key, OptionalLong expected, String value, String position) {
            String stored = positions.get(key);
            if (stored != null && stored.compareTo(position) >= 0) {
                return Write.BEHIND;
            }
            if (!compareAndSet(key, expected, value)) {
                return Write.CONFLICT;
            }
            positions.put(key, position);
            return Write.WRITTEN;
        }
    }

    /** The same store seen through plain compare-and-set only (a local state table). */
    private static final class PlainStore implements dev.sluice.spi.StateStore {
        final Store inner = new Store();

        @Override
        public Optional<StateEntry> get(String key) {
            return inner.get(key);
        }

        @Override
        public boolean compareAndSet(String key, OptionalLong expected, String value) {
            return inner.compareAndSet(key, expected, value);
        }
    }

    @Test
    void aRetriedCommitWhoseFirstAttemptLandedCountsAsWritten() {
        PlainStore store = new PlainStore();
        store.inner.loseAnswers = 1;
        ItemCursor cursor = new ItemCursor(store, "t", Optional.empty(), RETRY);
        cursor.advance(Optional.of("c1"), "p1");
        cursor.commit();
        cursor.advance(Optional.of("c2"), "p2");
        cursor.commit();
        assertThat(store.get("t")).contains(new StateEntry("t", "c2", 2));
    }

    @Test
    void anotherWritersValueIsAConflict() {
        PlainStore store = new PlainStore();
        ItemCursor cursor = new ItemCursor(store, "t", Optional.empty(), RETRY);
        store.compareAndSet("t", OptionalLong.empty(), "theirs");
        cursor.advance(Optional.of("mine"), "p1");
        assertThatThrownBy(cursor::commit).isInstanceOf(CursorConflictException.class);
        assertThat(store.get("t")).contains(new StateEntry("t", "theirs", 1));
    }

    @Test
    void aReplayedPageBehindTheStoredPositionLeavesTheCursorAndLaterPagesMoveIt() {
        Store store = new Store();
        ItemCursor first = new ItemCursor(store, "t", Optional.empty(), RETRY);
        first.advance(Optional.of("c5"), "run/0/5");
        first.commit();
        ItemCursor replay = new ItemCursor(store, "t", store.get("t"), RETRY);
        replay.advance(Optional.of("c3"), "run/0/3");
        replay.commit();
        assertThat(store.get("t")).as("not moved back").contains(new StateEntry("t", "c5", 1));
        replay.advance(Optional.of("c6"), "run/0/6");
        replay.commit();
        assertThat(store.get("t")).contains(new StateEntry("t", "c6", 2));
    }
}
