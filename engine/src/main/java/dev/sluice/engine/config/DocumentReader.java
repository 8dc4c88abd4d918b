package dev.sluice.engine.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one parsed document: a map with {@code kind} (source or destination) and {@code spec},
 * handed to {@link SourceReader} or {@link DestinationReader}. Recognises CloudQuery's pre-2022
 * {@code providers:} format and says so.
 */
final class DocumentReader {
    static final String LEGACY = "this is CloudQuery's old v0 format (providers:), not a sync config: "
            + "write one document per plugin, each with kind: source or kind: destination and a spec: map "
            + "(name, path, tables, destinations, ...)";

    private final List<Problem> problems;
    private final Declarations declared;
    private final List<SourceSpec> sources;
    private final List<DestinationSpec> destinations;

    DocumentReader(List<Problem> problems, Declarations declared, List<SourceSpec> sources, List<DestinationSpec> destinations) {
        this.problems = problems;
        this.declared = declared;
        this.sources = sources;
        this.destinations = destinations;
    }

    void read(Object document, Origin origin) {
        if (!(document instanceof Map<?, ?> raw)) {
            problems.add(Problem.at(origin, null, "a document must be a map with kind and spec, got "
                    + FieldReader.describe(document)));
            declared.markIncomplete();
            return;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        raw.forEach((k, v) -> values.put(String.valueOf(k), v));
        FieldReader f = new FieldReader(values, "", origin, problems);
        if (f.has("providers") && !f.has("kind")) {
            problems.add(Problem.at(origin, "providers", LEGACY));
            declared.markIncomplete();
            return;
        }
        f.rejectUnknown(SpecFields.DOCUMENT, SpecFields.DOCUMENT_HINTS);
        Optional<String> kind = kind(f);
        if (kind.isEmpty()) {
            declared.markIncomplete();
            return;
        }
        Optional<Map<String, Object>> spec = f.map("spec");
        if (spec.isEmpty()) {
            if (!f.has("spec")) {
                f.problem("spec", "missing required field spec: a map with the " + kind.get() + "'s name, path and settings");
            }
            if (kind.get().equals("destination")) {
                declared.markIncomplete();
            }
            return;
        }
        if (kind.get().equals("source")) {
            SourceReader.read(spec.get(), origin, problems, declared).ifPresent(sources::add);
        } else {
            DestinationReader.read(spec.get(), origin, problems, declared).ifPresent(destinations::add);
        }
    }

    private static Optional<String> kind(FieldReader f) {
        if (!f.has("kind")) {
            f.problem("kind", "missing required field kind (source or destination)");
            return Optional.empty();
        }
        Optional<String> kind = f.string("kind");
        if (kind.isEmpty() || kind.get().equals("source") || kind.get().equals("destination")) {
            return kind;
        }
        if (kind.get().equals("transformer")) {
            f.problem("kind", "kind transformer is not supported by Sluice (expected source or destination)");
        } else {
            f.problem("kind", "\"" + kind.get() + "\" is not a kind (expected source or destination)");
        }
        return Optional.empty();
    }
}
