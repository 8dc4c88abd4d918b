package dev.sluice.engine.config;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys CloudQuery's current spec reader accepts in a document, a source's spec and a
 * destination's spec, and hints for keys that moved or belong elsewhere.
 */
final class SpecFields {
    static final Set<String> DOCUMENT = Set.of("kind", "spec");
    static final Set<String> COMMON = Set.of("name", "version", "path", "registry", "docker_registry_auth_token");
    static final Set<String> SOURCE_ONLY = Set.of("tables", "skip_tables", "skip_dependent_tables", "destinations",
            "backend_options", "deterministic_cq_id", "otel_endpoint", "otel_endpoint_insecure");
    static final Set<String> DESTINATION_ONLY = Set.of("write_mode", "migrate_mode", "pk_mode", "sync_group_id",
            "send_sync_summary", "transformers");
    static final Set<String> SOURCE = union(COMMON, SOURCE_ONLY, Set.of("spec"));
    static final Set<String> DESTINATION = union(COMMON, DESTINATION_ONLY, Set.of("spec"));
    static final Set<String> BACKEND_OPTIONS = Set.of("table_name", "connection");
    static final Set<String> REGISTRIES = new LinkedHashSet<>(List.of("cloudquery", "github", "local", "grpc", "docker"));
    static final String DEFAULT_REGISTRY = "cloudquery";

    /** Top-level source keys of older CloudQuery versions that now live in the connector's own spec. */
    private static final Set<String> SOURCE_MOVED = Set.of("concurrency", "table_concurrency", "resource_concurrency", "scheduler");
    /** Top-level destination keys of older CloudQuery versions that now live in the connector's own spec. */
    private static final Set<String> DESTINATION_MOVED = Set.of("batch_size", "batch_size_bytes", "batch_timeout");

    static final Map<String, String> SOURCE_HINTS = sourceHints();
    static final Map<String, String> DESTINATION_HINTS = destinationHints();
    static final Map<String, String> DOCUMENT_HINTS = documentHints();

    private SpecFields() {
    }

    private static Map<String, String> sourceHints() {
        Map<String, String> hints = new HashMap<>();
        SOURCE_MOVED.forEach(k -> hints.put(k, moved(k)));
        hints.put("backend", "replaced by backend_options (table_name and connection)");
        hints.put("backend_spec", "replaced by backend_options (table_name and connection)");
        DESTINATION_ONLY.forEach(k -> hints.put(k, "it is a destination field, and this document is kind: source"));
        DESTINATION_MOVED.forEach(k -> hints.put(k, "it is a destination setting (under a destination's spec), and this document is kind: source"));
        return Map.copyOf(hints);
    }

    private static Map<String, String> destinationHints() {
        Map<String, String> hints = new HashMap<>();
        DESTINATION_MOVED.forEach(k -> hints.put(k, moved(k)));
        SOURCE_ONLY.forEach(k -> hints.put(k, "it is a source field, and this document is kind: destination"));
        return Map.copyOf(hints);
    }

    private static Map<String, String> documentHints() {
        Map<String, String> hints = new HashMap<>();
        union(COMMON, SOURCE_ONLY, DESTINATION_ONLY).forEach(k -> hints.put(k, "it belongs under spec (spec." + k + ")"));
        return Map.copyOf(hints);
    }

    private static String moved(String key) {
        return "it moved under spec (spec.spec." + key + ", the connector's own settings)";
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new LinkedHashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return Set.copyOf(all);
    }
}
