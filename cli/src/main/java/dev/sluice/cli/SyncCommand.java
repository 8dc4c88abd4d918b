package dev.sluice.cli;

import dev.sluice.engine.sync.LocalSync;
import dev.sluice.engine.sync.PreparedSync;
import dev.sluice.engine.sync.ProgressListener;
import dev.sluice.engine.sync.SyncOptions;
import dev.sluice.engine.sync.SyncReport;
import dev.sluice.engine.sync.SyncSummaries;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Syncs the config's sources into their destinations. Exit 0: every table synced; "
                + "1: finished with errors; 2: bad config (nothing written).")
final class SyncCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--no-migrate", description = "Do not create or change destination tables.")
    boolean noMigrate;

    @Option(names = "--summary-location", paramLabel = "FILE",
            description = "Append the sync summary to FILE as JSON lines, one per source and destination.")
    Optional<Path> summaryLocation;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (PreparedSync prepared = common.prepare()) {
            boolean terminal = System.console() != null;
            SyncReport report;
            try (LiveProgress progress = terminal ? new LiveProgress(System.err) : null) {
                ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
                report = new LocalSync(prepared, SyncOptions.defaults().withNoMigrate(noMigrate).withProgress(listener)).run();
            }
            ReportPrinter.print(report, spec.commandLine().getOut());
            summaryLocation.ifPresent(file -> SyncSummaries.appendJsonLines(file, prepared.sources(), report));
            return report.succeeded() ? Main.OK : Main.FINISHED_WITH_ERRORS;
        }
    }
}
