package dev.sluice.connector.postgresql.source;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A work item's range of a single integer key, written as a partition id {@code "lo..hi"}
 * (low inclusive, high exclusive, either end open when empty); {@code ""} is the whole table.
 */
record KeyRange(Optional<String> low, Optional<String> high) {
    static final KeyRange ALL = new KeyRange(Optional.empty(), Optional.empty());

    static KeyRange parse(String partition) {
        if (partition.isEmpty()) {
            return ALL;
        }
        int dots = partition.indexOf("..");
        if (dots < 0) {
            throw new IllegalArgumentException("not a key range: " + partition);
        }
        String lo = partition.substring(0, dots);
        String hi = partition.substring(dots + 2);
        return new KeyRange(lo.isEmpty() ? Optional.empty() : Optional.of(lo), hi.isEmpty() ? Optional.empty() : Optional.of(hi));
    }

    /** {@code parts} ranges covering every key, with boundaries evenly spaced between min and max. */
    static List<String> split(long min, long max, int parts) {
        List<String> out = new ArrayList<>();
        BigInteger lo = BigInteger.valueOf(min);
        BigInteger span = BigInteger.valueOf(max).subtract(lo).add(BigInteger.ONE);
        String previous = "";
        for (int i = 1; i < parts; i++) {
            String bound = lo.add(span.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(parts))).toString();
            out.add(previous + ".." + bound);
            previous = bound;
        }
        out.add(previous + "..");
        return out;
    }
}
