package dev.sluice.engine.sync;

import dev.sluice.engine.config.SourceSpec;
import dev.sluice.spi.Source;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A source from the config, its connector created (not yet opened), how many work items may
 * run at once, the destinations it writes to (each once, in config order) and the
 * destination holding its state table, if {@code backend_options} names one.
 */
public record PreparedSource(SourceSpec spec, Source source, int concurrency,
                             List<PreparedDestination> destinations, Optional<PreparedDestination> backend) {
    public PreparedSource {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(source, "source");
        destinations = List.copyOf(destinations);
        Objects.requireNonNull(backend, "backend");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1");
        }
    }

    public String name() {
        return spec.name();
    }
}
