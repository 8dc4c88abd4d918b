package dev.sluice.engine.config;

import java.util.List;
import java.util.Optional;

/** Reads of the fields every plugin document shares. */
final class Plugins {
    private Plugins() {
    }

    /** {@code registry}, cloudquery when absent or empty (CloudQuery's default). Only parsed: resolution happens later. */
    static String registry(FieldReader f) {
        List<String> names = List.copyOf(SpecFields.REGISTRIES);
        return f.choice("registry", "a registry", names,
                        s -> s.isEmpty() ? Optional.of(SpecFields.DEFAULT_REGISTRY) : Optional.of(s).filter(names::contains))
                .orElse(SpecFields.DEFAULT_REGISTRY);
    }
}
