package dev.sluice.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sluice} command. Exit codes: 0 success, 1 finished with errors (a run problem),
 * 2 bad config, options or output paths (nothing ran), 3 an internal error (a bug).
 */
@Command(name = "sluice", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Syncs tables from sources into destinations; reads CloudQuery configuration files.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:finished with errors (a table or source failed; the summary says which)",
                "2:bad config, options or output paths (nothing was written)", "3:internal error (a bug; --log-level debug shows the stack trace)"},
        subcommands = {SyncCommand.class, TablesCommand.class, ValidateCommand.class, PlanCommand.class,
                MigrateCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    public static final int OK = 0;
    public static final int FINISHED_WITH_ERRORS = 1;
    public static final int BAD_CONFIG = 2;
    public static final int INTERNAL_ERROR = 3;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with its output going to {@code out} and {@code err} (tests call this). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        Failures failures = new Failures();
        cli.setExecutionExceptionHandler(failures);
        cli.setParameterExceptionHandler(failures);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"sluice " + (v == null ? "dev" : v)};
        }
    }
}
