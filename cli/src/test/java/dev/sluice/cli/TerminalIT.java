package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI on a pseudo-terminal ({@code script -qfc}): the progress line owns the bottom line,
 * log lines are written above it and never share a line with it; its first frame names the
 * source; tables are counted with their children; {@code --no-progress} turns it off.
 */
class TerminalIT {
    private static final Pattern LOG_LINE = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\S+Z (info|warn|error|debug) .*");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\S+Z (info|warn|error|debug) ");
    private static final Pattern PROGRESS = Pattern.compile(
            "^test: tables [0-3]/[13], [\\d,]+ rows, [\\d,]+ rows/s(, ~[\\d,]+ rows left, ETA \\d+s)?$");

    @TempDir
    Path dir;

    private static final String FAILING = "[\"*\"]",
            SPEC = "{num_rows: 40, page_size: 10, page_delay: 300ms, fail_table: test_some_table, fail_on_page: 3}";

    private List<String> screenLines(String... extra) throws Exception {
        return screenLinesOf(FAILING, SPEC, extra);
    }

    private List<String> screenLinesOf(String tables, String spec, String... extra) throws Exception {
        assertThat(Files.isExecutable(Path.of("/usr/bin/script")))
                .as("needs script(1) (util-linux) for a pseudo-terminal: install it rather than skip this test").isTrue();
        Path config = dir.resolve("slow.yml");
        Files.writeString(config, """
                kind: source
                spec:
                  name: test
                  path: cloudquery/test
                  tables: %s
                  destinations: [sqlite]
                  spec: %s
                ---
                kind: destination
                spec:
                  name: sqlite
                  path: cloudquery/sqlite
                  spec:
                    connection_string: %s
                """.formatted(tables, spec, dir.resolve("out.sqlite")));
        String command = JarRun.javaBinary() + " -jar " + JarRun.jar() + " sync " + config + " " + String.join(" ", extra);
        Path typescript = dir.resolve("tty.out");
        Process p = new ProcessBuilder("script", "-qfc", command, "/dev/null").directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true).redirectOutput(typescript.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return Screen.everyLineShown(Files.readString(typescript, StandardCharsets.UTF_8));
    }

    @Test
    void logLinesAndTheProgressLineNeverShareALine() throws Exception {
        List<String> shown = screenLines();
        List<String> progress = new ArrayList<>();
        for (String line : shown) {
            if (line.contains("rows/s")) { // a frame, and nothing else on its line
                assertThat(line).as("a progress line alone on its line").matches(PROGRESS);
                progress.add(line);
            } else if (TIMESTAMP.matcher(line).find()) { // a log line, from its first column
                assertThat(line).as("a log line alone on its line").matches(LOG_LINE);
            }
        }
        assertThat(progress).as("progress frames were drawn: " + shown).isNotEmpty();
        assertThat(shown).anyMatch(l -> LOG_LINE.matcher(l).matches() && l.contains("error table test_some_table: injected failure"));
        assertThat(shown).anyMatch(l -> LOG_LINE.matcher(l).matches() && l.contains("source test: run") && l.contains("3 tables"));
        assertThat(shown).anyMatch(l -> l.startsWith("source test -> sqlite: PARTIAL"));
    }

    @Test
    void whenTheSourceKnowsItsRowCountTheProgressLineShowsAnEta() throws Exception {
        List<String> shown = screenLinesOf("[\"test_some_table\"]", "{num_rows: 60, page_size: 10, page_delay: 300ms}");
        assertThat(shown).anyMatch(l -> l.matches("test: tables 0/1, [\\d,]+ rows, [\\d,]+ rows/s, ~[\\d,]+ rows left, ETA \\d+s"));
    }

    @Test
    void noProgressMeansNoProgressLine() throws Exception {
        List<String> shown = screenLines("--no-progress");
        assertThat(shown).noneMatch(l -> l.contains("rows/s"));
        assertThat(shown).anyMatch(l -> l.startsWith("source test -> sqlite: PARTIAL"));
    }

    @Test
    void underLogFormatJsonTheTerminalGetsJsonLinesOnly() throws Exception {
        List<String> shown = screenLines("--log-format", "json");
        assertThat(shown).noneMatch(l -> l.contains("rows/s"));
        assertThat(shown).filteredOn(l -> !l.startsWith("source test -> ") && !l.startsWith("  ")).isNotEmpty()
                .allMatch(l -> l.startsWith("{\"time\":") && l.endsWith("}"));
    }

    @Test
    void withoutATerminalThereIsNoProgressLine() throws Exception {
        screenLines(); // writes the config
        CliIT.Result r = JarRun.run(dir, "sync", dir.resolve("slow.yml").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("\u001b").doesNotContain("rows/s").doesNotContain("\r");
        assertThat(r.err()).contains("error table test_some_table: injected failure");
    }

    /** A small terminal: \r returns, ESC[2K clears the line, \n moves on; records every state a line had before it was cleared or left. */
    static final class Screen {
        static List<String> everyLineShown(String output) {
            List<String> shown = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            int col = 0;
            for (int i = 0; i < output.length(); i++) {
                char c = output.charAt(i);
                if (c == '\u001b' && output.startsWith("[2K", i + 1)) {
                    record(shown, line);
                    line.setLength(0);
                    i += 3;
                } else if (c == '\r') {
                    col = 0;
                } else if (c == '\n') {
                    record(shown, line);
                    line.setLength(0);
                    col = 0;
                } else {
                    if (col < line.length()) {
                        line.setCharAt(col, c);
                    } else {
                        line.append(c);
                    }
                    col++;
                }
            }
            record(shown, line);
            return shown;
        }

        private static void record(List<String> shown, StringBuilder line) {
            if (!line.toString().isBlank()) {
                shown.add(line.toString());
            }
        }
    }
}
