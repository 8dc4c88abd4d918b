package dev.sluice.engine.sync;

import dev.sluice.engine.config.ConfigError;
import dev.sluice.engine.config.DestinationSpec;
import dev.sluice.engine.config.Origin;
import dev.sluice.engine.config.Problem;
import dev.sluice.engine.config.SourceSpec;
import dev.sluice.engine.config.SyncSpec;
import dev.sluice.engine.config.WriteMode;
import dev.sluice.engine.connect.ConnectorRegistry;
import dev.sluice.spi.BatchLimits;
import dev.sluice.spi.ConfigException;
import dev.sluice.spi.ConnectorConfig;
import dev.sluice.spi.Destination;
import dev.sluice.spi.DestinationFactory;
import dev.sluice.spi.Source;
import dev.sluice.spi.SourceFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns a loaded config into connectors: resolves every path to a built-in connector and
 * lets each parse its spec. Reports every problem at once, naming file, document and field,
 * and does no I/O: a bad config changes nothing.
 */
public final class SyncSetup {
    private final ConnectorRegistry registry;
    private final List<Problem> problems = new ArrayList<>();

    private SyncSetup(ConnectorRegistry registry) {
        this.registry = registry;
    }

    public static PreparedSync prepare(SyncSpec spec, ConnectorRegistry registry) {
        return new SyncSetup(registry).prepare(spec);
    }

    /**
     * Loads with {@code loader} and prepares. When the loader finds problems, the connectors of
     * the sources and destinations it could still read check their specs too, and every problem
     * of every document comes in one report, by file and document.
     */
    public static PreparedSync prepare(Supplier<SyncSpec> loader, ConnectorRegistry registry) {
        SyncSpec spec;
        try {
            spec = loader.get();
        } catch (ConfigError e) {
            if (e.readable().isEmpty()) {
                throw e;
            }
            SyncSetup checks = new SyncSetup(registry);
            checks.createConnectors(e.readable().get());
            List<Problem> all = new ArrayList<>(e.problems());
            all.addAll(checks.problems);
            throw new ConfigError(ProblemOrder.byFileAndDocument(all));
        }
        return prepare(spec, registry);
    }

    private PreparedSync prepare(SyncSpec spec) {
        if (spec.sources().isEmpty()) {
            problems.add(problem(null, "kind", "nothing to sync: no file defines a source (kind: source)"));
        }
        Connectors created = createConnectors(spec);
        if (!problems.isEmpty()) {
            throw new ConfigError(ProblemOrder.byFileAndDocument(problems));
        }
        return new PreparedSync(created.sources(), created.destinations(), registry);
    }

    private record Connectors(List<PreparedSource> sources, Map<String, PreparedDestination> destinations) {
    }

    /** Creates every connector the spec uses (parsing its spec, no I/O), adding each problem found. */
    private Connectors createConnectors(SyncSpec spec) {
        Map<String, PreparedDestination> destinations = new LinkedHashMap<>();
        for (DestinationSpec d : spec.destinations()) {
            if (isUsed(d, spec)) {
                createDestination(d).ifPresent(p -> destinations.put(d.name(), p));
            }
        }
        List<PreparedSource> sources = new ArrayList<>();
        for (SourceSpec s : spec.sources()) {
            createSource(s, destinations).ifPresent(sources::add);
        }
        return new Connectors(sources, destinations);
    }

    private static boolean isUsed(DestinationSpec d, SyncSpec spec) {
        return spec.sources().stream().anyMatch(s -> s.destinations().contains(d.name())
                || s.backendOptions().flatMap(b -> b.referencedDestination()).filter(d.name()::equals).isPresent());
    }

    private Optional<PreparedDestination> createDestination(DestinationSpec d) {
        Optional<DestinationFactory> factory = registry.destination(d.path(), d.registry());
        if (factory.isEmpty()) {
            problems.add(problem(d.origin(), "spec.path", notBuiltIn("destination", d.name(), d.path(), d.registry())));
            return Optional.empty();
        }
        String connector = "destination " + d.name() + " (" + d.path() + ")";
        Destination destination = null;
        try {
            destination = factory.get().create(new ConnectorConfig(d.name(), d.spec().without(EngineSpecKeys.DESTINATION)));
        } catch (ConfigException e) {
            specProblems(d.origin(), connector, e);
        }
        BatchLimits limits = null;
        try {
            limits = EngineSpecKeys.batchLimits(d.spec(), destination == null ? BatchLimits.defaults() : destination.defaultBatchLimits());
        } catch (ConfigException e) {
            specProblems(d.origin(), connector, e);
        }
        if (destination != null && destination.objects().isPresent() && d.writeMode() != WriteMode.APPEND) {
            problems.add(problem(d.origin(), "spec.write_mode", connector + " only adds files, it cannot replace or "
                    + "delete rows: write_mode is " + d.writeMode().configName()
                    + (d.writeMode() == WriteMode.OVERWRITE_DELETE_STALE ? " (also the default when write_mode is not set)" : "")
                    + "; set write_mode: append"));
            destination = null;
        }
        return destination == null || limits == null ? Optional.empty()
                : Optional.of(new PreparedDestination(d, destination, limits));
    }

    /** Every problem a connector found in its spec, naming file, document, field and the connector. */
    private void specProblems(Origin origin, String connector, ConfigException e) {
        for (ConfigException p : e.problems()) {
            problems.add(problem(origin, "spec.spec" + p.field().map(f -> "." + f).orElse(""), connector + ": " + p.getMessage()));
        }
    }

    private Optional<PreparedSource> createSource(SourceSpec s, Map<String, PreparedDestination> destinations) {
        Optional<SourceFactory> factory = registry.source(s.path(), s.registry());
        if (factory.isEmpty()) {
            problems.add(problem(s.origin(), "spec.path", notBuiltIn("source", s.name(), s.path(), s.registry())));
            return Optional.empty();
        }
        String connector = "source " + s.name() + " (" + s.path() + ")";
        Source source = null;
        int concurrency = 1;
        try {
            concurrency = EngineSpecKeys.concurrency(s.spec());
        } catch (ConfigException e) {
            specProblems(s.origin(), connector, e);
        }
        try {
            source = factory.get().create(new ConnectorConfig(s.name(), s.spec().without(EngineSpecKeys.SOURCE)));
        } catch (ConfigException e) {
            specProblems(s.origin(), connector, e);
        }
        if (source == null || problems.stream().anyMatch(p -> s.origin().equals(p.origin()))) {
            return Optional.empty();
        }
        List<PreparedDestination> targets = new ArrayList<>();
        for (String name : new LinkedHashSet<>(s.destinations())) {
            PreparedDestination d = destinations.get(name);
            if (d == null) {
                return Optional.empty(); // its own problem was reported (unknown connector or spec)
            }
            targets.add(d);
        }
        Optional<PreparedDestination> backend = Optional.empty();
        if (s.backendOptions().isPresent()) {
            Optional<String> ref = s.backendOptions().get().referencedDestination();
            backend = ref.map(destinations::get);
            if (ref.isEmpty()) {
                problems.add(problem(s.origin(), "spec.backend_options.connection",
                        "must be @@plugins.<destination name>.connection: Sluice keeps state in one of the config's destinations"));
                return Optional.empty();
            }
            if (backend.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(new PreparedSource(s, source, concurrency, targets, backend));
    }

    private String notBuiltIn(String kind, String name, String path, String pluginRegistry) {
        return kind + " " + name + ": \"" + path + "\""
                + (pluginRegistry == null || pluginRegistry.isEmpty() ? "" : " (registry " + pluginRegistry + ")")
                + " is not a built-in connector; Sluice runs built-in connectors only (" + registry.describe() + ")";
    }

    private static Problem problem(Origin origin, String field, String message) {
        return Problem.at(origin, field, message);
    }
}
