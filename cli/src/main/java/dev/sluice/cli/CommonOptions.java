package dev.sluice.cli;

import dev.sluice.engine.config.SpecLoader;
import dev.sluice.engine.config.SyncSpec;
import dev.sluice.engine.connect.ConnectorRegistry;
import dev.sluice.engine.sync.PreparedSync;
import dev.sluice.engine.sync.SyncSetup;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What every command takes: config files or directories, and how to log. */
final class CommonOptions {
    @Parameters(arity = "1..*", paramLabel = "CONFIG",
            description = "Config files (*.yml, *.yaml) or directories of them, loaded together.")
    List<Path> configs;

    @Option(names = "--log-level", defaultValue = "info", paramLabel = "LEVEL",
            description = "debug, info, warn or error (default: ${DEFAULT-VALUE}).")
    String logLevel;

    @Option(names = "--log-format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    Logging.Format logFormat;

    /** Sets up logging, loads and validates the config and creates its connectors (no I/O). */
    PreparedSync prepare() {
        return SyncSetup.prepare(load(), ConnectorRegistry.builtIn());
    }

    SyncSpec load() {
        Logging.configure(logLevel, logFormat);
        return new SpecLoader().load(configs, System.getenv());
    }
}
