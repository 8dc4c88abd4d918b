package dev.sluice.cli.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * What the checks of one fault case found: rows checked, rows lost, duplicates, cursors ahead
 * of their rows, runs left unfinished, and a line per problem. A case passes when it has no
 * problem; every count but rows checked must then be 0.
 */
final class Findings {
    long rowsChecked;
    long lost;
    long duplicates;
    long cursorAhead;
    long unfinished;
    private final List<String> problems = new ArrayList<>();

    void expect(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }

    void lost(String what, long n) {
        lost += Math.max(0, n);
        expect(n <= 0, what + ": " + n + " row(s) lost");
    }

    void duplicates(String what, long n) {
        duplicates += Math.max(0, n);
        expect(n <= 0, what + ": " + n + " duplicate row(s)");
    }

    void add(Findings other) {
        rowsChecked += other.rowsChecked;
        lost += other.lost;
        duplicates += other.duplicates;
        cursorAhead += other.cursorAhead;
        unfinished += other.unfinished;
        problems.addAll(other.problems);
    }

    List<String> problems() {
        return problems;
    }

    boolean clean() {
        return problems.isEmpty();
    }

    @Override
    public String toString() {
        return "rows checked " + rowsChecked + ", lost " + lost + ", duplicates " + duplicates
                + ", cursor ahead " + cursorAhead + ", unfinished runs " + unfinished
                + (problems.isEmpty() ? "" : "; problems:\n  " + String.join("\n  ", problems));
    }
}
