package dev.sluice.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * When the engine flushes a batch to a destination: at {@code rows} rows, {@code bytes}
 * estimated bytes, or {@code timeout} after the batch's first row, whichever comes first.
 */
public record BatchLimits(int rows, long bytes, Duration timeout) {
    public BatchLimits {
        Objects.requireNonNull(timeout, "timeout");
        if (rows < 1 || bytes < 1 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("batch limits must be positive");
        }
    }

    /** Defaults: 10,000 rows (CloudQuery's), 4 MiB (CloudQuery allows 100 MB; memory follows the batch), 60 s. */
    public static BatchLimits defaults() {
        return new BatchLimits(10_000, 4L << 20, Duration.ofSeconds(60));
    }
}
