package dev.sluice.engine.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the documents declare, even the ones with problems, for the checks across documents and
 * files: unique names per kind, and every destination a source names (in {@code destinations}
 * or in {@code backend_options.connection}) defined somewhere.
 */
final class Declarations {
    private record SourceRefs(Origin origin, String name, List<String> destinations, Optional<String> backend) {
    }

    private final Map<String, Origin> sources = new LinkedHashMap<>();
    private final Map<String, Origin> destinations = new LinkedHashMap<>();
    private final List<SourceRefs> references = new ArrayList<>();
    private final List<Problem> problems;
    private boolean incomplete;

    Declarations(List<Problem> problems) {
        this.problems = problems;
    }

    /** A document could not be read far enough to know what it declares: reference checks would guess. */
    void markIncomplete() {
        incomplete = true;
    }

    void source(Origin origin, String name) {
        unique(sources, "source", origin, name);
    }

    void destination(Origin origin, String name) {
        unique(destinations, "destination", origin, name);
    }

    void references(Origin origin, String source, List<String> destinationNames, Optional<String> backend) {
        references.add(new SourceRefs(origin, source, List.copyOf(destinationNames), backend));
    }

    /** Reports references to destinations no document defines (skipped when a document could not be read). */
    void checkReferences() {
        if (incomplete) {
            return;
        }
        for (SourceRefs r : references) {
            for (String d : r.destinations().stream().distinct().toList()) {
                if (!destinations.containsKey(d)) {
                    problems.add(Problem.at(r.origin(), "spec.destinations",
                            "source " + r.name() + " names destination " + d + ", which is not defined" + defined()));
                }
            }
            r.backend().filter(d -> !destinations.containsKey(d)).ifPresent(d -> problems.add(Problem.at(r.origin(),
                    "spec.backend_options.connection", "source " + r.name() + " keeps its state in destination " + d
                            + " (@@plugins." + d + ".connection), which is not defined" + defined())));
        }
    }

    private String defined() {
        return destinations.isEmpty() ? " (no destination is defined in the loaded files)"
                : " (defined destinations: " + String.join(", ", destinations.keySet()) + ")";
    }

    private void unique(Map<String, Origin> names, String kind, Origin origin, String name) {
        Origin first = names.putIfAbsent(name, origin);
        if (first != null) {
            problems.add(Problem.at(origin, "spec.name", "duplicate " + kind + " name " + name
                    + " (already defined in " + first + ")"));
        }
    }
}
