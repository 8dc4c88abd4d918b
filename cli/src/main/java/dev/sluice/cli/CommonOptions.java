package dev.sluice.cli;

import dev.sluice.engine.config.SpecLoader;
import dev.sluice.engine.config.SyncSpec;
import dev.sluice.engine.connect.ConnectorRegistry;
import dev.sluice.engine.sync.PreparedSync;
import dev.sluice.engine.sync.SyncSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What every command takes: config files or directories, and how to log. */
final class CommonOptions {
    @Parameters(arity = "1..*", paramLabel = "CONFIG",
            description = "Config files (*.yml, *.yaml) or directories of them, loaded together.")
    List<Path> configs;

    @Option(names = "--log-level", defaultValue = "info", paramLabel = "LEVEL", converter = LogLevel.Converter.class,
            description = "debug, info, warn or error (default: ${DEFAULT-VALUE}); debug adds stack traces to errors.")
    LogLevel logLevel;

    @Option(names = "--log-format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text or json (default: ${DEFAULT-VALUE}); json makes every line on stderr a JSON object, the final error line too.")
    Logging.Format logFormat;

    /** Sets up logging, loads and validates the config and creates its connectors (no I/O). */
    PreparedSync prepare() {
        return SyncSetup.prepare(this::load, ConnectorRegistry.builtIn());
    }

    /** Sets up logging from --log-level and --log-format; {@link #load()} does it too. */
    void configureLogging() {
        Logging.configure(logLevel, logFormat);
    }

    SyncSpec load() {
        configureLogging();
        return new SpecLoader().load(configs, System.getenv());
    }

    /**
     * The config files the CONFIG arguments name, absolute, as the loader finds them: a file as
     * it is, a directory's {@code *.yml} and {@code *.yaml} files (not hidden) by name. Call after
     * {@link #load()} has validated them.
     */
    List<Path> configFiles() {
        List<Path> files = new ArrayList<>();
        for (Path p : configs) {
            if (!Files.isDirectory(p)) {
                files.add(p.toAbsolutePath().normalize());
                continue;
            }
            try (Stream<Path> entries = Files.list(p)) {
                entries.filter(f -> !Files.isDirectory(f)).filter(f -> isConfigName(f.getFileName().toString()))
                        .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                        .forEach(f -> files.add(f.toAbsolutePath().normalize()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list config directory " + p + ": " + e.getMessage(), e);
            }
        }
        return files;
    }

    private static boolean isConfigName(String name) {
        return !name.startsWith(".") && (name.endsWith(".yml") || name.endsWith(".yaml"));
    }
}
