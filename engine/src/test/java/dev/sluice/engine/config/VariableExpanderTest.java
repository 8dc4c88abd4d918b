package dev.sluice.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariableExpanderTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-10T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private VariableExpander.Result expand(String text, Map<String, String> env) {
        return new VariableExpander(env, dir, CLOCK).expand(text);
    }

    @Test
    void replacesEnvironmentVariablesAsText() {
        VariableExpander.Result r = expand("d: [${D},postgresql]\nc: \"${C}\"", Map.of("D", "pg", "C", "x:y"));
        assertThat(r.failures()).isEmpty();
        assertThat(r.text()).isEqualTo("d: [pg,postgresql]\nc: \"x:y\"");
    }

    @Test
    void emptyValueIsSetNotMissing() {
        assertThat(expand("a: '${E}'", Map.of("E", "")).text()).isEqualTo("a: ''");
    }

    @Test
    void everyMissingVariableIsNamedWithItsLine() {
        VariableExpander.Result r = expand("a: ${ONE}\nb: ${TWO} ${ONE}", Map.of());
        assertThat(r.failures()).extracting(VariableExpander.Failure::line).containsExactly(1, 2, 2);
        assertThat(r.failures()).extracting(VariableExpander.Failure::message).containsExactly(
                "environment variable ONE is not set", "environment variable TWO is not set",
                "environment variable ONE is not set");
    }

    @Test
    void substitutedValuesAreNotExpandedAgain() {
        assertThat(expand("a: ${A}", Map.of("A", "${B}")).text()).isEqualTo("a: ${B}");
    }

    @Test
    void fileContentsWithTrailingNewlineTrimmed() throws IOException {
        Files.writeString(dir.resolve("secret.txt"), "s3cret\n");
        VariableExpander.Result r = expand("p: \"${file:secret.txt}\"", Map.of());
        assertThat(r.failures()).isEmpty();
        assertThat(r.text()).isEqualTo("p: \"s3cret\"");
    }

    @Test
    void multiLineJsonFileIsEscapedForADoubleQuotedString() throws IOException {
        Files.writeString(dir.resolve("key.json"), "{\n  \"type\": \"service_account\"\n}\n");
        VariableExpander.Result r = expand("k: \"${file:key.json}\"", Map.of());
        assertThat(r.text()).isEqualTo("k: \"{\\n  \\\"type\\\": \\\"service_account\\\"\\n}\"");
        assertThat(r.addedLines()).isFalse();
    }

    @Test
    void missingFileIsNamed() {
        VariableExpander.Result r = expand("a: 1\nk: ${file:./nope.txt}", Map.of());
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.message()).contains("./nope.txt").contains("does not exist");
        });
    }

    @Test
    void timeVariables() {
        assertThat(expand("t: ${time:2025-01-01}", Map.of()).text()).isEqualTo("t: 2025-01-01T00:00:00Z");
        assertThat(expand("t: ${time:2025-01-01|2006-01-02}", Map.of()).text()).isEqualTo("t: 2025-01-01");
        assertThat(expand("t: ${time:-24h}", Map.of()).text()).isEqualTo("t: 2024-03-09T12:00:00Z");
        assertThat(expand("t: ${time:7 days ago}", Map.of()).text()).isEqualTo("t: 2024-03-03T12:00:00Z");
        assertThat(expand("t: ${time:1h30m}", Map.of()).text()).isEqualTo("t: 2024-03-10T13:30:00Z");
        assertThat(expand("t: ${time:2 hours from now}", Map.of()).text()).isEqualTo("t: 2024-03-10T14:00:00Z");
        assertThat(expand("t: ${time:2024-01-02T03:04:05+02:00}", Map.of()).text()).isEqualTo("t: 2024-01-02T03:04:05+02:00");
    }

    @Test
    void badTimeIsReported() {
        VariableExpander.Result r = expand("t: ${time:yesterday}", Map.of());
        assertThat(r.failures()).singleElement().satisfies(f -> assertThat(f.message()).contains("${time:yesterday}"));
    }
}
