package dev.sluice.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crash anywhere, test source: for SQLite and PostgreSQL, every write mode, cursors in the
 * destination and in backend_options, a real {@code sluice sync} is SIGKILLed at a seeded
 * random moment, then rerun; the tables must then be exact (see {@link TestSourceCase} for the
 * rules). Every case syncs a full table with a child and an incremental table. The seed is
 * printed on failure; bench/faults/crash.sh runs the same cases with more rounds and kills.
 */
class CrashIT {
    @TempDir
    Path dir;

    /**
     * In the build, pairs: each destination with every write mode, and each (destination, mode)
     * pair's cursors in one place, alternating, so both places meet both destinations and every
     * mode. {@code -Dfaults.allCases=true} (bench/faults/crash.sh) runs the full product.
     */
    static List<Arguments> cases() {
        boolean all = Boolean.getBoolean("faults.allCases");
        List<String> kinds = List.of("sqlite", "postgresql");
        List<String> modes = List.of("append", "overwrite", "overwrite-delete-stale");
        List<Arguments> out = new ArrayList<>();
        for (int k = 0; k < kinds.size(); k++) {
            for (int m = 0; m < modes.size(); m++) {
                for (boolean backend : List.of(false, true)) {
                    if (all || backend == ((k + m) % 2 == 1)) {
                        out.add(Arguments.of(kinds.get(k), modes.get(m), backend));
                    }
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1}, cursors in backend_options: {2}")
    @MethodSource("cases")
    void killedSyncsThenARerunLeaveExactTables(String kind, String mode, boolean backendState) throws Exception {
        FaultSettings settings = FaultSettings.fromProperties(4000, 100);
        try (Target target = kind.equals("sqlite") ? Target.sqlite(dir) : Target.postgres("crash")) {
            CrashRounds rounds = new CrashRounds(dir, settings);
            TestSourceCase c = new TestSourceCase(target, mode, backendState, settings.rows(), settings.pageSize(), rounds.random());
            Findings f = rounds.run(c);
            Tally.record("crash, test source", c.describe(), settings.seed(), rounds.kills, rounds.killsMidSync, f);
            assertThat(f.problems()).as("%s, seed %d: %s%n%s%n%s", c.describe(), settings.seed(), f,
                    rounds.journal(), settings.replay("CrashIT")).isEmpty();
            assertThat(f.lost + f.duplicates + f.cursorAhead + f.unfinished).isZero();
        }
    }
}
