package dev.sluice.cli;

import dev.sluice.engine.config.ConfigError;
import dev.sluice.spi.ConfigException;
import dev.sluice.spi.ConnectorException;
import picocli.CommandLine;

/**
 * Turns failures into exit codes and one clear message: a bad config exits 2, anything
 * else that stopped the command exits 1. Stack traces only at --log-level debug.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (e instanceof ConfigError || e instanceof ConfigException) {
            cmd.getErr().println("error: invalid configuration:");
            for (String line : e.getMessage().split("\n")) {
                cmd.getErr().println("  " + line);
            }
            return Main.BAD_CONFIG;
        }
        String message = e instanceof ConnectorException || e.getMessage() != null ? e.getMessage() : e.toString();
        cmd.getErr().println("error: " + message);
        if (Logging.debugEnabled()) {
            e.printStackTrace(cmd.getErr());
        }
        return Main.FINISHED_WITH_ERRORS;
    }
}
