package dev.sluice.cli;

import dev.sluice.emulators.EmulatorException;
import dev.sluice.engine.config.ConfigError;
import dev.sluice.engine.lease.LeaseHeldException;
import dev.sluice.spi.ConfigException;
import dev.sluice.spi.ConnectorException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * The failure taxonomy at the command's edge, one clear message each and no Java class names:
 * a bad config, option or output path exits 2 ({@link Main#BAD_CONFIG}); a run that could not
 * go on (a connector, a lease, I/O) exits 1; anything else is an internal error, exit 3, "this is
 * a bug", with the stack trace under {@code --log-level debug} only. With {@code --log-format
 * json} the final error line is a JSON object like every other line.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof ConfigError || e instanceof ConfigException) {
            List<String> lines = Arrays.asList(e.getMessage().split("\n"));
            if (Logging.json()) {
                lines.forEach(line -> error(err, "invalid configuration: " + line));
            } else {
                err.println("error: invalid configuration:");
                lines.forEach(line -> err.println("  " + line));
            }
            return Main.BAD_CONFIG;
        }
        if (isRunProblem(e)) {
            error(err, e.getMessage() == null ? "the run stopped without a reason given" : e.getMessage());
            debugTrace(e, err);
            return Main.FINISHED_WITH_ERRORS;
        }
        // the exception's own message speaks Java (class and method names): it goes with the stack trace
        error(err, "internal error in sluice " + cmd.getCommandName() + "; this is a bug, please report it"
                + (Logging.debugEnabled() ? " with the stack trace below" : " (rerun with --log-level debug for the details)"));
        debugTrace(e, err);
        return Main.INTERNAL_ERROR;
    }

    /** Bad options (picocli's, and checks of option values before anything runs): exit 2. */
    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        if (Arrays.asList(args).contains("--log-format=json") || String.join(" ", args).contains("--log-format json")) {
            Logging.useJson(true);
        }
        error(cmd.getErr(), e.getMessage());
        if (!Logging.json()) {
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
        }
        return Main.BAD_CONFIG;
    }

    private static boolean isRunProblem(Exception e) {
        return e instanceof ConnectorException || e instanceof LeaseHeldException || e instanceof EmulatorException
                || e instanceof UncheckedIOException;
    }

    static void error(PrintWriter err, String message) {
        if (Logging.json()) {
            err.println(JsonLine.of(Instant.now(), "error", "sluice", message));
        } else {
            err.println("error: " + message);
        }
        err.flush();
    }

    private static void debugTrace(Exception e, PrintWriter err) {
        if (Logging.debugEnabled()) {
            e.printStackTrace(err);
        }
    }
}
