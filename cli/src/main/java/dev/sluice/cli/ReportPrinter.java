package dev.sluice.cli;

import dev.sluice.engine.sync.SourceReport;
import dev.sluice.engine.sync.SyncReport;
import dev.sluice.engine.sync.TableReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Prints the end-of-sync summary: per source a run line (status, tables counted with their
 * children, rows, errors), then per table its rows in each destination, errors, seconds, and
 * stale rows deleted only for destinations that delete stale rows (overwrite-delete-stale):
 * under append and overwrite nothing is ever deleted, so no column claims "0 deleted".
 */
final class ReportPrinter {
    private ReportPrinter() {
    }

    static void print(SyncReport report, PrintWriter out) {
        for (SourceReport s : report.sources()) {
            out.printf("source %s -> %s: %s in %.1f s, %d table(s), %,d rows, %d error(s) (sync time %s, run %s)%n",
                    s.run().sourceName(), String.join(", ", s.destinations()), s.status(),
                    s.duration().toMillis() / 1000.0, s.tables().size(), s.rows(), s.errors(), s.run().syncTime(), s.run().id());
            List<String> header = new ArrayList<>(List.of("table"));
            Set<String> deleting = s.deleteStale().orElse(Set.copyOf(s.destinations()));
            for (String d : s.destinations()) {
                header.add(s.destinations().size() == 1 ? "rows" : "rows " + d);
                if (deleting.contains(d)) {
                    header.add(s.destinations().size() == 1 ? "stale rows" : "stale " + d);
                }
            }
            header.add("errors");
            header.add("seconds");
            List<List<String>> rows = new ArrayList<>();
            for (TableReport t : s.tables()) {
                List<String> row = new ArrayList<>(List.of(t.table()));
                for (String d : s.destinations()) {
                    row.add(String.format("%,d", t.rowsIn(d)));
                    if (deleting.contains(d)) {
                        String deleted = String.format("%,d deleted", t.stalePerDestination().getOrDefault(d, t.staleDeleted()));
                        // a note with rows deleted: the partitions that synced were delete-staled, the failed ones kept theirs
                        row.add(t.staleNote().isEmpty() ? deleted
                                : t.stalePerDestination().containsKey(d) ? deleted + ", some kept" : "kept");
                    }
                }
                row.add(Integer.toString(t.errors()));
                row.add(String.format("%.1f", t.duration().toMillis() / 1000.0));
                rows.add(row);
            }
            printTable(out, header, rows);
            for (TableReport t : s.tables()) {
                t.error().ifPresent(e -> out.printf("  FAILED %s: %s%n", t.table(), e));
                t.staleNote().filter(n -> t.failed()).ifPresent(n -> out.printf("         %s%n", n));
            }
        }
        out.flush();
    }

    /** The first column left-aligned, the others right-aligned, each as wide as its widest cell. */
    private static void printTable(PrintWriter out, List<String> header, List<List<String>> rows) {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = Math.max(i == 0 ? 5 : 7, header.get(i).length());
            for (List<String> row : rows) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder(" ");
            for (int i = 0; i < row.size(); i++) {
                line.append(' ').append(String.format("%" + (i == 0 ? "-" : "") + width[i] + "s", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
