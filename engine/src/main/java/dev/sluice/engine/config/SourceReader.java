package dev.sluice.engine.config;

import dev.sluice.spi.Spec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code spec} map of a {@code kind: source} document, with CloudQuery's rules and defaults. */
final class SourceReader {
    private SourceReader() {
    }

    static Optional<SourceSpec> read(Map<String, Object> values, Origin origin, List<Problem> problems, Declarations declared) {
        FieldReader f = new FieldReader(values, "spec", origin, problems);
        f.rejectUnknown(SpecFields.SOURCE, SpecFields.SOURCE_HINTS);
        Optional<String> name = f.requiredString("name", "");
        Optional<String> path = f.requiredString("path", name.map(n -> " (for example path: cloudquery/" + n + ")").orElse(""));
        String registry = Plugins.registry(f);
        String version = f.string("version").orElse("");
        Optional<List<String>> tables = f.strings("tables");
        if (tables.isEmpty() && !f.has("tables")) {
            f.problem("tables", "missing required field tables: list the tables to sync, for example tables: [\"*\"]");
        } else if (tables.isPresent() && tables.get().isEmpty()) {
            f.problem("tables", "must list at least one table, for example tables: [\"*\"]");
        }
        List<String> skipTables = f.strings("skip_tables").orElse(List.of());
        boolean skipDependentTables = f.bool("skip_dependent_tables").orElse(true);
        Optional<List<String>> destinations = f.strings("destinations");
        if (destinations.isEmpty() && !f.has("destinations")) {
            f.problem("destinations", "missing required field destinations: a source needs at least one destination");
        } else if (destinations.isPresent() && destinations.get().isEmpty()) {
            f.problem("destinations", "must list at least one destination");
        }
        Optional<BackendOptions> backend = backendOptions(f);
        boolean deterministicCqId = f.bool("deterministic_cq_id").orElse(false);
        f.string("docker_registry_auth_token");
        f.string("otel_endpoint");
        f.bool("otel_endpoint_insecure");
        Spec spec = new Spec(f.map("spec").orElse(Map.of()));

        if (name.isEmpty()) {
            return Optional.empty();
        }
        declared.source(origin, name.get());
        declared.references(origin, name.get(), destinations.orElse(List.of()),
                backend.flatMap(BackendOptions::referencedDestination));
        if (f.failed()) {
            return Optional.empty();
        }
        return Optional.of(new SourceSpec(origin, name.get(), path.orElseThrow(), registry, version, tables.orElseThrow(),
                skipTables, skipDependentTables, destinations.orElseThrow(), backend, deterministicCqId, spec));
    }

    private static Optional<BackendOptions> backendOptions(FieldReader f) {
        Optional<Map<String, Object>> map = f.map("backend_options");
        if (map.isEmpty()) {
            return Optional.empty();
        }
        FieldReader b = f.child("backend_options", map.get());
        b.rejectUnknown(SpecFields.BACKEND_OPTIONS, Map.of());
        String both = ": backend_options needs both table_name and connection";
        Optional<String> table = b.requiredString("table_name", both);
        Optional<String> connection = b.requiredString("connection", both + " (for example @@plugins.postgresql.connection)");
        if (table.isEmpty() || connection.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BackendOptions(table.get(), connection.get()));
    }
}
