package dev.sluice.engine.sync;

import dev.sluice.engine.config.ConfigError;
import dev.sluice.engine.config.Problem;
import dev.sluice.engine.config.SourceSpec;
import dev.sluice.engine.connect.ConnectorRegistry;
import dev.sluice.engine.plan.TableSelector;
import dev.sluice.spi.ConfigException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A validated config with its connectors created. Opening happens in two steps so that every
 * config error (including table patterns that match nothing) is found before any destination
 * is opened: {@link #selectTables()} opens the sources only, {@link #openDestinations()} the rest.
 */
public final class PreparedSync implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PreparedSync.class.getName());

    private final List<PreparedSource> sources;
    private final Map<String, PreparedDestination> destinations;
    private final ConnectorRegistry registry;
    private final List<AutoCloseable> opened = new ArrayList<>();

    PreparedSync(List<PreparedSource> sources, Map<String, PreparedDestination> destinations, ConnectorRegistry registry) {
        this.sources = List.copyOf(sources);
        this.destinations = Map.copyOf(destinations);
        this.registry = registry;
    }

    public List<PreparedSource> sources() {
        return sources;
    }

    public Collection<PreparedDestination> destinations() {
        return destinations.values();
    }

    public ConnectorRegistry registry() {
        return registry;
    }

    /** Opens every source and applies tables / skip_tables / skip_dependent_tables. */
    public List<SelectedSource> selectTables() {
        List<SelectedSource> selected = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (PreparedSource s : sources) {
            SourceSpec spec = s.spec();
            try {
                s.source().open();
            } catch (ConfigException e) { // what the connector's own selection found wrong, once it could look
                for (ConfigException p : e.problems()) {
                    problems.add(Problem.at(spec.origin(), "spec.spec" + p.field().map(f -> "." + f).orElse(""),
                            "source " + spec.name() + " (" + spec.path() + "): " + p.getMessage()));
                }
                s.source().close();
                continue;
            }
            opened.add(s.source());
            try {
                selected.add(new SelectedSource(s, TableSelector.select(s.source().tables(), spec.tables(),
                        spec.skipTables(), spec.skipDependentTables())));
            } catch (TableSelector.NoMatchException e) {
                problems.add(Problem.at(spec.origin(), "spec." + e.field(), "source " + spec.name() + " (" + spec.path() + "): "
                        + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigError(ProblemOrder.byFileAndDocument(problems));
        }
        return selected;
    }

    public void openDestinations() {
        for (PreparedDestination d : destinations.values()) {
            d.destination().open();
            opened.add(d.destination());
        }
    }

    @Override
    public void close() {
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "closing a connector failed: {0}", e.getMessage());
            }
        }
        opened.clear();
    }
}
