package dev.sluice.engine.config;

import static dev.sluice.engine.config.ConfigFixture.DESTINATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken YAML is reported with file, document and line, and never echoes the (expanded) text. */
class MalformedYamlTest {
    private static final String SECRET = "hunter2-Sup3rS3cret";

    @TempDir
    Path dir;
    ConfigFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixture(dir);
    }

    @Test
    void malformedDocumentNamesFileDocumentAndLine() {
        Path file = fx.write("c.yml", DESTINATION + "---\nkind: destination\nspec:\n  name: x\n  path: [unclosed\n");
        List<Problem> problems = fx.problems(Map.of(), file);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.origin()).isEqualTo(new Origin(file.toString(), 2));
            assertThat(p.message()).startsWith("not valid YAML at line ").contains("column");
        });
    }

    @Test
    void lineNumbersAreThoseOfTheFile() {
        Path file = fx.write("c.yml", DESTINATION + "---\nkind: source\nspec:\n  name: a\n   bad: indent\n");
        assertThat(fx.problems(Map.of(), file)).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("not valid YAML at line 9,"));
    }

    @Test
    void separatorWithTrailingTextIsNotASeparator() {
        List<Problem> problems = fx.problems(DESTINATION + "--- # next\n" + DESTINATION.replace("postgresql", "other"));
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("not valid YAML at line 6, column 1: a second YAML document starts here; "
                        + "separate documents with a line that is exactly ---"));
    }

    @Test
    void duplicateKeysAreRejected() {
        List<Problem> problems = fx.problems(DESTINATION + "  name: again\n");
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("duplicate key name"));
    }

    @Test
    void secretsFromTheEnvironmentNeverAppearInErrors() {
        Path file = fx.write("c.yml", """
                kind: destination
                spec:
                  name: postgresql
                  path: cloudquery/postgresql
                  spec:
                    connection_string: postgres://u:${PW}@h/db
                    password: ${PW}: ${PW}
                ---
                kind: source
                spec:
                  name: s
                  path: ${PW}
                  tables: ${PW}
                  destinations: [postgresql]
                  spec: ${PW}
                  version: [${PW}]
                  backend_options: {table_name: ${PW}, connection: ${PW}, extra: ${PW}}
                ---
                kind: destination
                spec:
                  name: "${PW}
                """);
        List<Problem> problems = fx.problems(Map.of("PW", SECRET), file);
        assertThat(problems).hasSizeGreaterThan(2);
        String all = problems.toString();
        assertThat(all).doesNotContain("hunter2");
        assertThatThrownBy(() -> fx.load(Map.of("PW", SECRET), file))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }
}
