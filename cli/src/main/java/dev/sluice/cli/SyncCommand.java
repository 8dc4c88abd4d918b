package dev.sluice.cli;

import dev.sluice.engine.lease.LeaseSettings;
import dev.sluice.engine.sync.LocalSync;
import dev.sluice.engine.sync.PreparedSync;
import dev.sluice.engine.sync.ProgressListener;
import dev.sluice.engine.sync.SyncOptions;
import dev.sluice.engine.sync.SyncReport;
import dev.sluice.engine.sync.SyncSummaries;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Syncs the config's sources into their destinations. Exit 0: every table synced; "
                + "1: finished with errors (or the emulators could not start); 2: bad config, options or output paths "
                + "(nothing written); 3: internal error (a bug).")
final class SyncCommand implements Callable<Integer> {
    private static final System.Logger LOG = System.getLogger(SyncCommand.class.getName());

    @Mixin
    CommonOptions common;

    @Option(names = "--no-migrate", description = "Do not create or change destination tables.")
    boolean noMigrate;

    @Option(names = "--summary-location", paramLabel = "FILE",
            description = "Append the sync summary to FILE as JSON lines, one per source and destination "
                    + "(checked before anything runs: a directory or an unwritable path exits 2).")
    Optional<Path> summaryLocation;

    @Option(names = "--no-progress", description = "No live progress line (it is drawn only when stdout and stderr are terminals, "
                    + "and not with --log-format json).")
    boolean noProgress;

    @Option(names = "--wait-for-lease", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "When another sync of a source is running, wait up to DURATION for it to finish "
                    + "(e.g. 10m) instead of exiting 1 at once.")
    Duration waitForLease = Duration.ZERO;

    @Mixin
    EmulateAwsOptions emulate;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        common.configureLogging();
        emulate.check(spec, noMigrate);
        summaryLocation.ifPresent(file -> OutputPaths.requireWritableFile(spec.commandLine(), "--summary-location", file));
        if (emulate.enabled) {
            return emulated();
        }
        try (PreparedSync prepared = common.prepare()) {
            // under --log-format json every line on stderr is JSON, so no progress line there
            boolean showProgress = !noProgress && common.logFormat == Logging.Format.text && Terminals.stdoutAndStderr();
            SyncReport report;
            try (LiveProgress progress = showProgress ? new LiveProgress(System.err) : null) {
                ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
                SyncOptions options = SyncOptions.defaults().withNoMigrate(noMigrate).withProgress(listener);
                report = new LocalSync(prepared, options.withLease(options.lease().waitingUpTo(waitForLease))).run();
            }
            ReportPrinter.print(report, spec.commandLine().getOut());
            summaryLocation.ifPresent(file -> SyncSummaries.appendJsonLines(file, prepared.sources(), report));
            return report.succeeded() ? Main.OK : Main.FINISHED_WITH_ERRORS;
        }
    }

    /** The serverless flow on the local emulators; the config is checked first, so a bad one exits 2 before they start. */
    private Integer emulated() {
        try (PreparedSync prepared = common.prepare()) {
            prepared.selectTables(); // table patterns that match nothing are config errors too
        }
        Logging.quietAtInfo("dev.sluice.functions", "dev.sluice.engine.serverless"); // the progress lines say it
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // with --log-format json, stderr carries JSON lines only: the lines go through the log
        Consumer<String> lines = common.logFormat == Logging.Format.json ? line -> LOG.log(System.Logger.Level.INFO, line)
                : line -> {
                    err.println(line);
                    err.flush();
                };
        EmulatedSync.Outcome outcome = new EmulatedSync(emulate, LeaseSettings.defaults().waitingUpTo(waitForLease), lines, Logging.infoEnabled()).run(common.configFiles());
        ReportPrinter.print(outcome.report(), out);
        for (String problem : outcome.problems()) {
            Failures.error(err, problem); // a JSON line under --log-format json
        }
        summaryLocation.ifPresent(file -> SyncSummaries.appendJsonLines(file, outcome.sources(), outcome.report()));
        return outcome.succeeded() ? Main.OK : Main.FINISHED_WITH_ERRORS;
    }
}
