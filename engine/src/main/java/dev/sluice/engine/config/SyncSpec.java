package dev.sluice.engine.config;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every source and destination of a sync, in the order the files define them. Names are unique per kind. */
public record SyncSpec(List<SourceSpec> sources, List<DestinationSpec> destinations) {
    public SyncSpec {
        sources = List.copyOf(sources);
        destinations = List.copyOf(destinations);
        requireUnique(sources.stream().map(SourceSpec::name).toList(), "source");
        requireUnique(destinations.stream().map(DestinationSpec::name).toList(), "destination");
    }

    public Optional<DestinationSpec> destination(String name) {
        return destinations.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public Optional<SourceSpec> source(String name) {
        return sources.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private static void requireUnique(List<String> names, String kind) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("duplicate " + kind + " name " + name);
            }
        }
    }
}
