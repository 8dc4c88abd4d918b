package dev.sluice.engine.config;

import static dev.sluice.engine.config.HostileConfigPropertiesTest.ENV;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile inputs the properties found or the loader must refuse, each kept as a plain example
 * with the exact outcome: which problem, at which line, in which words.
 */
class HostileConfigExamplesTest {
    private final ScratchDir scratch = new ScratchDir();

    @AfterEach
    void delete() {
        scratch.close();
    }

    private Problem onlyProblem(String text) {
        return onlyProblem(text.getBytes(StandardCharsets.UTF_8));
    }

    private Problem onlyProblem(byte[] bytes) {
        Path file = scratch.write(bytes);
        LoadOutcome outcome = LoadOutcome.load(scratch.dir, file, ENV);
        assertThat(outcome.problems()).as("problems").hasSize(1);
        return outcome.problems().get(0);
    }

    @Test
    void anAliasIsRefusedNotReadAsTheAnchorsName() {
        // found by randomDocumentsLoadOrFailCleanly: "*akind: source" read as the key "akind"
        assertThat(onlyProblem("*akind: source\n").message()).isEqualTo("not valid YAML at line 1, column 1: "
                + "YAML aliases (*name, <<: *name) are not supported by Sluice; write the value out in full");
        Problem alias = onlyProblem("kind: destination\nspec: &s {name: d, path: p}\nother: *s\n");
        assertThat(alias.origin()).isEqualTo(new Origin(scratch.dir.resolve("config.yml").toString(), 1));
        assertThat(alias.message()).startsWith("not valid YAML at line 3, column 8: YAML aliases");
        assertThat(onlyProblem("kind: source\nspec:\n  <<: *base\n").message()).contains("line 3").contains("YAML aliases");
    }

    @Test
    void billionLaughsIsRefusedAtTheFirstAliasWithoutExpandingIt() {
        StringBuilder bomb = new StringBuilder("kind: source\nspec:\n  spec:\n    l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("    l%d: &l%d [%s]\n".formatted(i, i, String.join(", ", java.util.Collections.nCopies(9, "*l" + (i - 1)))));
        }
        assertThat(onlyProblem(bomb.toString()).message()).startsWith("not valid YAML at line 5,").contains("YAML aliases");
    }

    @Test
    void binaryValuesAreRefused() {
        assertThat(onlyProblem("kind: !!binary aGVsbG8=\n").message())
                .isEqualTo("not valid YAML at line 1, column 7: binary values (!!binary) are not supported; write a string");
    }

    @Test
    void aNulByteIsNamedWithItsLineAndColumn() {
        // found by arbitraryBytesLoadOrFailCleanly: a single 0 byte was "not valid YAML (JacksonYAMLParseException)"
        assertThat(onlyProblem(new byte[] {0}).message())
                .isEqualTo("not valid YAML at line 1, column 1: character U+0000 is not allowed in YAML");
        assertThat(onlyProblem("kind: source\nspec:\n  name: a\u0000b\n").message())
                .isEqualTo("not valid YAML at line 3, column 10: character U+0000 is not allowed in YAML");
    }

    @Test
    void aDirectiveWithoutContentIsAnEmptyFile() {
        // found by randomDocumentsLoadOrFailCleanly: "%YAML 1.2 " was "not valid YAML (MismatchedInputException)"
        Problem p = onlyProblem("%YAML 1.2 ");
        assertThat(p.origin()).isNull();
        assertThat(p.message()).startsWith("has no documents (it is empty or holds only comments)");
    }

    @Test
    void emptyAndCommentOnlyFilesAreConfigErrorsNamingTheFile() {
        for (String text : List.of("", "\n\n", "# nothing here ${UNSET}\n", "---\n# a\n---\n")) {
            Problem p = onlyProblem(text);
            assertThat(p.file()).isEqualTo(scratch.dir.resolve("config.yml").toString());
            assertThat(p.toString()).isEqualTo(scratch.dir.resolve("config.yml") + ": has no documents (it is empty"
                    + " or holds only comments): a config file defines sources and destinations, each in a document"
                    + " with kind: and spec:");
        }
    }

    @Test
    void aComplexKeyIsNamed() {
        assertThat(onlyProblem("{a: 1}: 2\n").message())
                .isEqualTo("not valid YAML at line 1, column 2: a key must be a single value, not a list or a map");
    }

    @Test
    void aNumberTagOnTextNeverQuotesTheText() {
        Problem p = onlyProblem("kind: source\nspec:\n  spec:\n    port: !!float ${SECRET}\n");
        assertThat(p.message()).contains("tagged as a number").doesNotContain(ScratchDir.SECRET);
    }

    @Test
    void nestingBeyondTheParsersLimitIsNamed() {
        String deep = "kind: source\nspec: " + "[".repeat(1500) + "]".repeat(1500) + "\n";
        assertThat(onlyProblem(deep).message()).isEqualTo("not valid YAML: lists and maps are nested too deeply (more than 1000 levels)");
    }

    @Test
    void aScalarLargerThanTheParsersLimitIsNamed() {
        String huge = "kind: source\nspec:\n  name: " + "x".repeat(3_200_000) + "\n";
        assertThat(onlyProblem(huge).message()).startsWith("not valid YAML: the document is too large");
    }
}
