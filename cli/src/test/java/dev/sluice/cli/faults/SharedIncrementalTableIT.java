package dev.sluice.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two sources with the same incremental table appending into one destination (found by the
 * 20-source load run on the emulated AWS flow): each source's rows are its own. With the
 * unique key (_cq_id, cursor) of 0abc751 the second source's rows, whose _cq_id comes from the
 * same primary keys, were dropped as replays, and its run still reported SUCCEEDED with every
 * row counted.
 */
class SharedIncrementalTableIT {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "into {0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void twoSourcesAppendingOneIncrementalTableKeepBothSourcesRows(String kind) throws Exception {
        try (Target target = kind.equals("sqlite") ? Target.sqlite(dir) : Target.postgres("shared_inc")) {
            String config = source("a") + "---\n" + source("b") + "---\n" + target.destinationDoc("dest", "append");
            Path file = Files.writeString(dir.resolve("shared.yml"), config);
            SluiceProcess p = SluiceProcess.start(dir, "sync", file.toString());
            assertThat(p.awaitExit(Duration.ofMinutes(3))).as(p.output()).isZero();
            try (Connection c = target.connect()) {
                for (String source : new String[] {"a", "b"}) {
                    long[] r = Sql.longs(c, "select count(*), count(distinct id) from test_incremental_table where _cq_source_name = ?", source);
                    assertThat(r).as("rows and distinct ids of source " + source).containsExactly(1000, 1000);
                }
            }
        }
    }

    private static String source(String name) {
        return """
                kind: source
                spec:
                  name: %s
                  path: cloudquery/test
                  tables: [test_incremental_table]
                  destinations: [dest]
                  spec: {num_rows: 1000}
                """.formatted(name);
    }
}
