package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failure taxonomy at the command's edge: bad options and output paths exit 2 before
 * anything runs; a run problem exits 1; no message names a Java class; under
 * {@code --log-format json} every line on stderr is JSON, the final error line too.
 */
class ExitCodesIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private Path dir() throws IOException {
        return Files.createDirectories(root.resolve("work"));
    }

    private Path config(String connection) throws IOException {
        Path p = dir().resolve("ok.yml");
        Files.writeString(p, """
                kind: source
                spec:
                  name: test
                  path: cloudquery/test
                  tables: ["*"]
                  destinations: [sqlite]
                ---
                kind: destination
                spec:
                  name: sqlite
                  path: cloudquery/sqlite
                  spec:
                    connection_string: %s
                """.formatted(connection));
        return p;
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir())) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aBadLogLevelExitsTwoAndNamesTheOption() throws Exception {
        Path config = config(dir().resolve("out.sqlite").toString());
        for (String cmd : List.of("sync", "validate", "tables", "plan", "migrate")) {
            CliIT.Result r = CliIT.sluice(cmd, config.toString(), "--log-level", "loud");
            assertThat(r.code()).as(cmd).isEqualTo(2);
            assertThat(r.err()).as(cmd).startsWith("error: Invalid value for option '--log-level': "
                    + "'loud' is not a log level (debug, info, warn or error)\n");
        }
        assertThat(files()).containsExactly("ok.yml");
    }

    @Test
    void aSummaryLocationThatCannotBeWrittenExitsTwoBeforeAnyRowIsWritten() throws Exception {
        Path config = config(dir().resolve("out.sqlite").toString());
        Path directory = Files.createDirectories(dir().resolve("summaries"));
        CliIT.Result r = CliIT.sluice("sync", config.toString(), "--summary-location", directory.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: --summary-location " + directory + " is a directory; give a file to append to\n");

        Path aFile = Files.writeString(dir().resolve("plain.txt"), "x");
        CliIT.Result under = CliIT.sluice("sync", config.toString(), "--summary-location", aFile.resolve("s.jsonl").toString());
        assertThat(under.code()).isEqualTo(2);
        assertThat(under.err()).startsWith("error: --summary-location " + aFile.resolve("s.jsonl") + ": " + aFile + " is not a directory\n");
        assertThat(files()).containsExactly("ok.yml", "plain.txt", "summaries"); // no out.sqlite: nothing ran
    }

    @Test
    void aRunProblemExitsOneWithItsMessageAndNoClassName() throws Exception {
        Path config = config(dir().toString()); // a directory is no SQLite database file
        CliIT.Result r = CliIT.sluice("sync", config.toString(), "--log-level", "error");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: sqlite: cannot open database file " + dir());
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("java.").doesNotContain("\tat ");
    }

    @Test
    void underLogFormatJsonEveryLineOnStderrIsJsonTheFinalErrorToo() throws Exception {
        Path bad = config(dir().toString());
        CliIT.Result run = JarRun.run(dir(), "sync", bad.toString(), "--log-format", "json");
        assertThat(run.code()).isEqualTo(1);
        JsonNode last = everyLineIsJson(run.err());
        assertThat(last.get("level").asText()).isEqualTo("error");
        assertThat(last.get("message").asText()).startsWith("sqlite: cannot open database file");

        CliIT.Result usage = JarRun.run(dir(), "sync", bad.toString(), "--log-format", "json", "--log-level", "loud");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(everyLineIsJson(usage.err()).get("message").asText()).contains("'loud' is not a log level");

        Files.writeString(bad, Files.readString(bad).replace("cloudquery/sqlite", "cloudquery/sqlite\n  write_mode: sideways"));
        CliIT.Result config = JarRun.run(dir(), "validate", bad.toString(), "--log-format", "json");
        assertThat(config.code()).isEqualTo(2);
        assertThat(everyLineIsJson(config.err()).get("message").asText())
                .startsWith("invalid configuration: " + bad + ", document 2, field spec.write_mode");

        Path good = config(dir().resolve("out.sqlite").toString());
        CliIT.Result ok = JarRun.run(dir(), "sync", good.toString(), "--log-format", "json");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(everyLineIsJson(ok.err()).get("level").asText()).isEqualTo("info");
    }

    private static JsonNode everyLineIsJson(String stderr) throws IOException {
        assertThat(stderr).isNotBlank();
        JsonNode last = null;
        for (String line : stderr.split("\n")) {
            assertThat(line).as("a line of stderr under --log-format json").startsWith("{").endsWith("}");
            last = JSON.readTree(line);
            assertThat(last.has("time") && last.has("level") && last.has("message")).as(line).isTrue();
        }
        return last;
    }
}
