package dev.sluice.engine.connect;

import dev.sluice.spi.DestinationFactory;
import dev.sluice.spi.SourceFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The built-in connectors, found with {@link ServiceLoader}. {@code path: cloudquery/<name>}
 * or {@code path: <name>}, with no registry or the {@code cloudquery}/{@code github}
 * registry, selects built-in {@code <name>}; anything else (grpc, docker, local plugins,
 * other paths) is not something Sluice can run.
 */
public final class ConnectorRegistry {
    private static final Set<String> BUILT_IN_REGISTRIES = Set.of("", "cloudquery", "github");

    private final Map<String, SourceFactory> sources;
    private final Map<String, DestinationFactory> destinations;

    public ConnectorRegistry(List<SourceFactory> sources, List<DestinationFactory> destinations) {
        this.sources = index(sources, SourceFactory::name);
        this.destinations = index(destinations, DestinationFactory::name);
    }

    /** Every connector on the class path. */
    public static ConnectorRegistry builtIn() {
        List<SourceFactory> s = new ArrayList<>();
        ServiceLoader.load(SourceFactory.class).forEach(s::add);
        List<DestinationFactory> d = new ArrayList<>();
        ServiceLoader.load(DestinationFactory.class).forEach(d::add);
        return new ConnectorRegistry(s, d);
    }

    /** This registry with {@code factory} replacing the source of the same name (tests wrap sources this way). */
    public ConnectorRegistry withSource(SourceFactory factory) {
        List<SourceFactory> s = new ArrayList<>(sources.values());
        s.removeIf(f -> f.name().equals(factory.name()));
        s.add(factory);
        return new ConnectorRegistry(s, new ArrayList<>(destinations.values()));
    }

    /** This registry with {@code factory} replacing the destination of the same name. */
    public ConnectorRegistry withDestination(DestinationFactory factory) {
        List<DestinationFactory> d = new ArrayList<>(destinations.values());
        d.removeIf(f -> f.name().equals(factory.name()));
        d.add(factory);
        return new ConnectorRegistry(new ArrayList<>(sources.values()), d);
    }

    public Optional<SourceFactory> source(String path, String registry) {
        return builtInName(path, registry).map(sources::get);
    }

    public Optional<DestinationFactory> destination(String path, String registry) {
        return builtInName(path, registry).map(destinations::get);
    }

    public Optional<DestinationFactory> destination(String name) {
        return Optional.ofNullable(destinations.get(name));
    }

    /** "sources: test; destinations: sqlite" */
    public String describe() {
        return "sources: " + String.join(", ", sources.keySet()) + "; destinations: " + String.join(", ", destinations.keySet());
    }

    private static Optional<String> builtInName(String path, String registry) {
        String reg = registry == null ? "" : registry.trim().toLowerCase(Locale.ROOT);
        if (!BUILT_IN_REGISTRIES.contains(reg) || path == null) {
            return Optional.empty();
        }
        String p = path.trim();
        if (p.startsWith("cloudquery/")) {
            p = p.substring("cloudquery/".length());
        }
        return p.isEmpty() || p.contains("/") || p.contains(":") ? Optional.empty() : Optional.of(p);
    }

    private static <F> Map<String, F> index(List<F> factories, Function<F, String> name) {
        Map<String, F> byName = new TreeMap<>();
        for (F f : factories) {
            if (byName.putIfAbsent(name.apply(f), f) != null) {
                throw new IllegalStateException("two connectors are named " + name.apply(f));
            }
        }
        return byName;
    }
}
