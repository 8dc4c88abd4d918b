package dev.sluice.engine.sync;

import dev.sluice.engine.config.ConfigError;
import dev.sluice.engine.config.Problem;
import dev.sluice.engine.config.SourceSpec;
import dev.sluice.engine.connect.ConnectorRegistry;
import dev.sluice.spi.ConnectorConfig;
import dev.sluice.spi.Destination;
import dev.sluice.spi.Spec;
import dev.sluice.spi.StateStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a source's incremental cursors live, first match wins:
 * <ol>
 *   <li>the state table {@code backend_options} names in one of the config's destinations;</li>
 *   <li>else table {@code cq_state_<source>} in the source's first destination, when it can hold
 *       one: the cursor lives beside the rows it covers, so a destination that is deleted or
 *       replaced takes its cursors with it and the next sync starts from the beginning instead
 *       of skipping rows the new destination never had;</li>
 *   <li>else an embedded SQLite file under the state directory ({@code .sluice/state.sqlite}).</li>
 * </ol>
 */
public final class CursorStores implements AutoCloseable {
    private final Path stateDirectory;
    private final ConnectorRegistry registry;
    private Destination embedded;

    public CursorStores(Path stateDirectory, ConnectorRegistry registry) {
        this.stateDirectory = stateDirectory;
        this.registry = registry;
    }

    Optional<StateStore> forSource(SelectedSource s) {
        return s.hasIncrementalTables() ? Optional.of(forSource(s.prepared())) : Optional.empty();
    }

    /** The cursor store of {@code source}, by the rule above. */
    public StateStore forSource(PreparedSource source) {
        SourceSpec spec = source.spec();
        if (source.backend().isPresent()) {
            PreparedDestination backend = source.backend().get();
            String table = spec.backendOptions().orElseThrow().tableName();
            return backend.destination().stateStore(table).orElseThrow(() -> new ConfigError(List.of(
                    Problem.at(spec.origin(), "spec.backend_options.connection",
                            "destination " + backend.name() + " cannot hold a state table"))));
        }
        String table = "cq_state_" + spec.name();
        return source.destinations().get(0).destination().stateStore(table)
                .orElseGet(() -> embedded().stateStore(table).orElseThrow());
    }

    private synchronized Destination embedded() {
        if (embedded == null) {
            Destination d = registry.destination("sqlite")
                    .orElseThrow(() -> new IllegalStateException("the embedded state store needs the sqlite connector"))
                    .create(new ConnectorConfig("sluice-state",
                            new Spec(Map.of("connection_string", stateDirectory.resolve("state.sqlite").toString()))));
            d.open();
            embedded = d;
        }
        return embedded;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
