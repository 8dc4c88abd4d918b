package dev.sluice.engine.sync;

import dev.sluice.spi.BatchLimits;
import dev.sluice.spi.ConfigProblems;
import dev.sluice.spi.Spec;
import java.time.Duration;
import java.util.Set;

/**
 * The spec fields the engine owns, taken out before a connector sees its spec:
 * a source's {@code concurrency}, a destination's {@code batch_size}, {@code batch_size_bytes}
 * and {@code batch_timeout}.
 */
final class EngineSpecKeys {
    static final Set<String> SOURCE = Set.of("concurrency");
    static final Set<String> DESTINATION = Set.of("batch_size", "batch_size_bytes", "batch_timeout");
    static final int DEFAULT_CONCURRENCY = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));

    private EngineSpecKeys() {
    }

    static int concurrency(Spec spec) {
        return (int) spec.integer("concurrency", DEFAULT_CONCURRENCY, 1, 1024);
    }

    static BatchLimits batchLimits(Spec spec, BatchLimits defaults) {
        ConfigProblems problems = new ConfigProblems();
        long rows = problems.check(() -> spec.integer("batch_size", defaults.rows(), 1, 10_000_000), (long) defaults.rows());
        long bytes = problems.check(() -> spec.integer("batch_size_bytes", defaults.bytes(), 1, 1L << 40), defaults.bytes());
        Duration timeout = problems.check(() -> spec.duration("batch_timeout", defaults.timeout()), defaults.timeout());
        if (timeout.isZero()) {
            problems.add("batch_timeout", "must be longer than 0");
        }
        problems.throwIfAny();
        return new BatchLimits((int) rows, bytes, timeout);
    }
}
