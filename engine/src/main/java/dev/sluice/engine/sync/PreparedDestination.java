package dev.sluice.engine.sync;

import dev.sluice.engine.config.DestinationSpec;
import dev.sluice.spi.BatchLimits;
import dev.sluice.spi.Destination;
import java.util.Objects;

/** A destination from the config, its connector created (not yet opened) and its batch limits. */
public record PreparedDestination(DestinationSpec spec, Destination destination, BatchLimits limits) {
    public PreparedDestination {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(limits, "limits");
    }

    public String name() {
        return spec.name();
    }
}
