package dev.sluice.engine.config;

import dev.sluice.spi.Spec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code kind: source} document, with CloudQuery's defaults applied: {@code skip_tables} [],
 * {@code skip_dependent_tables} true, {@code registry} cloudquery, {@code deterministic_cq_id}
 * false, {@code spec} empty. Lists are kept as written, duplicates included. {@code version} is
 * "" when not written.
 */
public record SourceSpec(Origin origin, String name, String path, String registry, String version,
                         List<String> tables, List<String> skipTables, boolean skipDependentTables,
                         List<String> destinations, Optional<BackendOptions> backendOptions,
                         boolean deterministicCqId, Spec spec) {
    public SourceSpec {
        Objects.requireNonNull(origin, "origin");
        name = Require.text(name, "name");
        path = Require.text(path, "path");
        registry = Require.text(registry, "registry");
        version = Objects.requireNonNull(version, "version");
        tables = Require.nonEmpty(tables, "tables");
        skipTables = List.copyOf(skipTables);
        destinations = Require.nonEmpty(destinations, "destinations");
        Objects.requireNonNull(backendOptions, "backendOptions");
        Objects.requireNonNull(spec, "spec");
    }
}
