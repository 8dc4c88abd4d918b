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
 * Crash anywhere, PostgreSQL to PostgreSQL: the postgresql source over an incremental table
 * (index on the cursor column, ties on it) and a full table, SIGKILLs at seeded moments, two
 * rounds with the source changed between them (new rows, new versions, deletions). See
 * {@link PgSourceCase} for the rules. In the build: append with cursors in the destination over
 * two rounds and overwrite-delete-stale with cursors in backend_options over one;
 * {@code -Dfaults.allCases=true} runs every write mode with both, two rounds each
 * ({@code -Dfaults.rounds} for more; {@code -Dfaults.pgRows}, {@code -Dfaults.pgPageSize} size
 * the source table).
 */
class PgToPgCrashIT {
    @TempDir
    Path dir;

    static List<Arguments> cases() {
        if (!Boolean.getBoolean("faults.allCases")) {
            return List.of(Arguments.of("append", false, 2), Arguments.of("overwrite-delete-stale", true, 1));
        }
        List<Arguments> out = new ArrayList<>();
        for (String mode : List.of("append", "overwrite", "overwrite-delete-stale")) {
            out.add(Arguments.of(mode, false, 2));
            out.add(Arguments.of(mode, true, 2));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}, cursors in backend_options: {1}, {2} round(s)")
    @MethodSource("cases")
    void killedPgToPgSyncsThenARerunLeaveExactTables(String mode, boolean backendState, int defaultRounds) throws Exception {
        FaultSettings settings = FaultSettings.fromProperties(30_000, 500);
        FaultSettings s = new FaultSettings(settings.seed(), Integer.getInteger("faults.rounds", defaultRounds),
                settings.maxKills(), Long.getLong("faults.pgRows", 30_000), Integer.getInteger("faults.pgPageSize", 500),
                settings.killMinMs(), settings.killMaxMs());
        CrashRounds crash = new CrashRounds(dir, s);
        try (Target target = Target.postgres("pgdest");
             PgSourceCase c = new PgSourceCase(target, mode, backendState, s.rows(), s.pageSize(), crash.random())) {
            Findings f = crash.run(c);
            Tally.record("crash, postgresql source", c.describe(), s.seed(), crash.kills, crash.killsMidSync, f);
            assertThat(f.problems()).as("%s, seed %d: %s%n%s%n%s", c.describe(), s.seed(), f, crash.journal(),
                    s.replay("PgToPgCrashIT")).isEmpty();
            assertThat(f.lost + f.duplicates + f.cursorAhead + f.unfinished).isZero();
        }
    }
}
