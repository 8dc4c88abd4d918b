package dev.sluice.spi;

import java.util.Objects;

/** A value in a state table, with the version that compare-and-set checks. */
public record StateEntry(String key, String value, long version) {
    public StateEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1");
        }
    }
}
