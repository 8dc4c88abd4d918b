package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, exactly: {@code ./sluice sync examples/quickstart.yml}, run as a
 * process through the launcher script from another working directory, twice.
 */
class QuickstartIT {
    @TempDir
    Path dir;

    @Test
    void quickstartSyncsTheThreeTestTablesAndASecondRunKeepsTheCounts() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        for (int run = 1; run <= 2; run++) {
            Process p = new ProcessBuilder(root.resolve("sluice").toString(), "sync", root.resolve("examples/quickstart.yml").toString())
                    .directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(output).isZero();
            assertThat(output).contains("SUCCEEDED");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("quickstart.sqlite"))) {
                assertThat(count(c, "test_some_table")).isEqualTo(1000);
                assertThat(count(c, "test_sub_table")).isEqualTo(2000);
                assertThat(count(c, "test_incremental_table")).isEqualTo(1000);
                assertThat(count(c, "cloudquery_sync_summaries")).isEqualTo(run);
                assertThat(count(c, "cq_state_test")).isEqualTo(2); // the incremental cursor, beside its rows, and the source's lease
                assertThat(count(c, "cq_state_test where key = 'sluice_lease:test' and value like '%\"released\":true%'")).isEqualTo(1);
            }
        }
    }

    private static long count(Connection c, String table) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
