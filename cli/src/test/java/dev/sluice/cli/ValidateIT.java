package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} runs every connector's spec checks without connecting, and reports every
 * problem of every document at once, sorted by file and document, each naming file, document,
 * field and connector; {@code sync} reports the same and writes nothing.
 */
class ValidateIT {
    @TempDir
    Path dir;

    @Test
    void everyConnectorProblemOfEveryDocumentInOneSortedReport() throws Exception {
        Path b = dir.resolve("b-destinations.yml");
        Files.writeString(b, """
                kind: destination
                spec:
                  name: sqlite
                  path: cloudquery/sqlite
                  spec: {conection_string: ./x.sqlite, batch_size: 0, batch_timeout: soon}
                """);
        Path a = dir.resolve("a-sources.yml");
        Files.writeString(a, """
                kind: source
                spec:
                  name: test
                  path: cloudquery/test
                  tables: ["*"]
                  destinations: [sqlite]
                  spec: {num_rows: -1, page_size: many, bogus: 1, concurrency: 0}
                ---
                kind: source
                spec:
                  name: shop
                  path: cloudquery/postgresql
                  tables: ["*"]
                  destinations: [sqlite]
                  spec:
                    connection_string: postgresql://reader@127.0.0.1:1/shop
                    page_size: 0
                    incremental: {public.orders: ""}
                """);
        String expected = "error: invalid configuration:\n"
                + "  " + a + ", document 1, field spec.spec.bogus: source test (cloudquery/test): unknown field bogus "
                + "(known: fail_on_page, fail_table, generation, num_rows, num_sub_rows, page_delay, page_size)\n"
                + "  " + a + ", document 1, field spec.spec.concurrency: source test (cloudquery/test): must be between 1 and 1024, got 0\n"
                + "  " + a + ", document 1, field spec.spec.num_rows: source test (cloudquery/test): must be between 0 and 1000000000, got -1\n"
                + "  " + a + ", document 1, field spec.spec.page_size: source test (cloudquery/test): must be an integer, got \"many\"\n"
                + "  " + a + ", document 2, field spec.spec.incremental.public.orders: source shop (cloudquery/postgresql): "
                + "must name the table's cursor column\n"
                + "  " + a + ", document 2, field spec.spec.page_size: source shop (cloudquery/postgresql): must be between 1 and 1000000, got 0\n"
                + "  " + b + ", document 1, field spec.spec.batch_size: destination sqlite (cloudquery/sqlite): must be between 1 and 10000000, got 0\n"
                + "  " + b + ", document 1, field spec.spec.batch_timeout: destination sqlite (cloudquery/sqlite): "
                + "must be a duration such as 30s, 1m30s or 500ms, got \"soon\"\n"
                + "  " + b + ", document 1, field spec.spec.conection_string: destination sqlite (cloudquery/sqlite): "
                + "unknown field conection_string (known: connection_string)\n"
                + "  " + b + ", document 1, field spec.spec.connection_string: destination sqlite (cloudquery/sqlite): is required\n";
        for (String cmd : List.of("validate", "sync")) {
            CliIT.Result r = CliIT.sluice(cmd, dir.toString());
            assertThat(r.code()).as(cmd).isEqualTo(2);
            assertThat(r.err()).as(cmd).isEqualTo(expected);
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted()).containsExactly("a-sources.yml", "b-destinations.yml");
        }
    }

    @Test
    void theLoadersProblemsAndTheConnectorsComeInOneReport() throws Exception {
        Path config = dir.resolve("c.yml");
        Files.writeString(config, """
                kind: source
                spec:
                  name: test
                  path: cloudquery/test
                  tables: ["*"]
                  destinations: [sqlite]
                  spec: {num_rows: -1}
                ---
                kind: destination
                spec:
                  name: sqlite
                  path: cloudquery/sqlite
                  write_mode: sometimes
                  spec: {connection_string: ./x.sqlite}
                ---
                kind: destination
                spec:
                  name: other
                  path: cloudquery/nosuch
                  spec: {}
                """);
        CliIT.Result r = CliIT.sluice("validate", config.toString());
        assertThat(r.code()).isEqualTo(2);
        // the loader's problem (document 2) and the test connector's (document 1), sorted by document
        assertThat(r.err()).containsSubsequence(config + ", document 1, field spec.spec.num_rows: source test",
                config + ", document 2, field spec.write_mode");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("c.yml");
        }
    }

    @Test
    void aValidConfigSaysSo() throws Exception {
        Path ok = dir.resolve("ok.yml");
        Files.writeString(ok, """
                kind: source
                spec: {name: test, path: cloudquery/test, tables: ["*"], destinations: [sqlite]}
                ---
                kind: destination
                spec: {name: sqlite, path: cloudquery/sqlite, spec: {connection_string: ./never.sqlite}}
                """);
        CliIT.Result r = CliIT.sluice("validate", ok.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("config is valid: 1 source(s), 1 destination(s) in use\n");
    }
}
