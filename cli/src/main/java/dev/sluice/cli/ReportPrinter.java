package dev.sluice.cli;

import dev.sluice.engine.sync.SourceReport;
import dev.sluice.engine.sync.SyncReport;
import dev.sluice.engine.sync.TableReport;
import java.io.PrintWriter;

/** Prints the end-of-sync summary: per source, per table rows, errors, duration, stale rows. */
final class ReportPrinter {
    private ReportPrinter() {
    }

    static void print(SyncReport report, PrintWriter out) {
        for (SourceReport s : report.sources()) {
            out.printf("source %s -> %s: %s in %.1f s, %,d rows, %d error(s) (sync time %s, run %s)%n",
                    s.run().sourceName(), String.join(", ", s.destinations()), s.status(),
                    s.duration().toMillis() / 1000.0, s.rows(), s.errors(), s.run().syncTime(), s.run().id());
            int width = Math.max(5, s.tables().stream().mapToInt(t -> t.table().length()).max().orElse(5));
            out.printf("  %-" + width + "s %12s %7s %9s %12s%n", "table", "rows", "errors", "seconds", "stale rows");
            for (TableReport t : s.tables()) {
                out.printf("  %-" + width + "s %,12d %7d %9.1f %12s%n", t.table(), t.rows(), t.errors(),
                        t.duration().toMillis() / 1000.0, t.staleNote().isPresent() ? "kept" : String.format("%,d deleted", t.staleDeleted()));
            }
            for (TableReport t : s.tables()) {
                t.error().ifPresent(e -> out.printf("  FAILED %s: %s%n", t.table(), e));
                t.staleNote().filter(n -> t.failed()).ifPresent(n -> out.printf("         %s%n", n));
            }
        }
        out.flush();
    }
}
