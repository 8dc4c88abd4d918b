package dev.sluice.cli.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One line per fault case into {@code target/faults/tally.tsv}, so bench/faults can add up the
 * figures for RELIABILITY.md: class, case, seed, kills (mid-sync), rows checked, lost,
 * duplicates, cursor ahead, unfinished runs, problems.
 */
final class Tally {
    static final Path FILE = Path.of("target", "faults", "tally.tsv");

    private Tally() {
    }

    static synchronized void record(String faultClass, String caseName, long seed, int kills, int killsMidSync, Findings f) {
        String line = String.join("\t", faultClass, caseName, Long.toString(seed), Integer.toString(kills),
                Integer.toString(killsMidSync), Long.toString(f.rowsChecked), Long.toString(f.lost),
                Long.toString(f.duplicates), Long.toString(f.cursorAhead), Long.toString(f.unfinished),
                Integer.toString(f.problems().size())) + "\n";
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + FILE + ": " + e.getMessage(), e);
        }
    }
}
