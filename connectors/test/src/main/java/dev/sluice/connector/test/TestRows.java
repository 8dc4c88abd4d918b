package dev.sluice.connector.test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Deterministic row values of the test tables: the same id and generation give the same row. */
final class TestRows {
    /** updated_at of incremental row i is BASE + i seconds. */
    static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");
    private static final BigInteger UINT64_TOP = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private TestRows() {
    }

    static boolean someRowExists(long id, long generation) {
        return id % 10 != 9 || generation % 2 == 0;
    }

    /** Values aligned with {@link TestTables#someTable()}: id, generation, then one per typed column. */
    static Object[] someRow(long id, long generation) {
        return new Object[] {
            id,
            generation,
            id % 2 == 0,                                            // bool
            id * 1_000 + generation,                                // int64
            UINT64_TOP.subtract(BigInteger.valueOf(id)),            // uint64
            id / 4.0,                                               // float64
            "row " + id + " of generation " + generation,           // string
            ("bytes-" + id).getBytes(StandardCharsets.UTF_8),       // bytes
            BASE.plusSeconds(id).plusNanos(123_456_000L),          // timestamp (microseconds)
            new UUID(id, generation),                               // uuid
            "{\"id\":" + id + ",\"generation\":" + generation + "}", // json
            List.of("a" + id, "b" + generation),                   // string list
            Arrays.asList(id, null, generation),                    // int64 list with a null
        };
    }

    static Object[] subRow(long parentId, long idx, long generation) {
        return new Object[] {parentId, idx, generation, "child " + idx + " of " + parentId};
    }

    /** Row {@code id} of the incremental table; its generation is the one that added it. */
    static Object[] incrementalRow(long id, long rowsPerGeneration) {
        return new Object[] {id, updatedAt(id), id / Math.max(1, rowsPerGeneration), "value " + id};
    }

    static Instant updatedAt(long id) {
        return BASE.plusSeconds(id);
    }
}
