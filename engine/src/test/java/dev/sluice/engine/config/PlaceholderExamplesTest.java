package dev.sluice.engine.config;

import static dev.sluice.engine.config.HostileConfigPropertiesTest.ENV;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code ${...}} edge cases through the whole loader: each a config error naming file, document, line and placeholder. */
class PlaceholderExamplesTest {
    private static final String HEAD = "kind: destination\nspec:\n  name: d\n  path: cloudquery/sqlite\n  spec:\n";

    private final ScratchDir scratch = new ScratchDir();

    @AfterEach
    void delete() {
        scratch.close();
    }

    /** The problems of a destination whose spec has {@code line} as its 6th line. */
    private List<String> problems(String line) {
        Path file = scratch.write(HEAD + "    " + line + "\n");
        LoadOutcome outcome = LoadOutcome.load(scratch.dir, file, ENV);
        outcome.problems().forEach(p -> assertThat(p.origin()).isEqualTo(new Origin(file.toString(), 1)));
        return outcome.problems().stream().map(Problem::message).toList();
    }

    private String value(String line) {
        Path file = scratch.write(HEAD + "    " + line + "\n");
        SyncSpec spec = LoadOutcome.load(scratch.dir, file, ENV).spec().orElseThrow();
        return String.valueOf(spec.destinations().get(0).spec().asMap().get("v"));
    }

    @Test
    void anEmptyPlaceholderIsAnError() {
        assertThat(problems("v: \"a${}b\"")).containsExactly(
                "${} names no variable: write ${NAME}, ${file:PATH} or ${time:...} (line 6)");
        assertThat(problems("v: ${ }")).containsExactly(
                "${ } names no variable: write ${NAME}, ${file:PATH} or ${time:...} (line 6)");
    }

    @Test
    void anUnclosedPlaceholderIsAnErrorNamingIt() {
        assertThat(problems("v: ${UNCLOSED")).containsExactly(
                "${UNCLOSED is not closed: write a variable on one line as ${NAME} (line 6)");
        assertThat(problems("v: \"${PW and more\"")).containsExactly(
                "${PW is not closed: write a variable on one line as ${NAME} (line 6)");
    }

    @Test
    void aPlaceholderNeverSpansLines() {
        // it used to match up to the next "}" anywhere below, quoting the lines between as a variable's name
        Path file = scratch.write(HEAD + "    v: ${X\n    w: \"" + ScratchDir.SECRET + "\"\n    z: {a: 1}\n");
        LoadOutcome outcome = LoadOutcome.load(scratch.dir, file, ENV);
        assertThat(outcome.problems()).extracting(Problem::message)
                .containsExactly("${X is not closed: write a variable on one line as ${NAME} (line 6)");
        outcome.assertNeverMentions(ScratchDir.SECRET);
    }

    @Test
    void nestedPlaceholdersAreAnError() {
        assertThat(problems("v: ${${X}}")).containsExactly("${${X}...: variables cannot be nested (line 6)");
    }

    @Test
    void aDoubledDollarIsNoEscape() {
        assertThat(value("v: $${X}")).isEqualTo("$x");
        assertThat(value("v: \"$$\"")).isEqualTo("$$");
    }

    @Test
    void fileVariablesNameWhatIsWrongWithTheFile() {
        assertThat(problems("v: ${file:}")).containsExactly("${file:}: names no file (write ${file:PATH}) (line 6)");
        assertThat(problems("v: ${file:" + ScratchDir.DIRECTORY + "}")).containsExactly(
                "${file:a-directory}: a-directory is a directory, not a file (line 6)");
        assertThat(problems("v: ${file:missing.txt}")).containsExactly(
                "${file:missing.txt}: file missing.txt does not exist (line 6)");
        assertThat(problems("v: ${file:" + ScratchDir.BINARY + "}")).containsExactly(
                "${file:binary.bin}: file binary.bin is not UTF-8 text (line 6)");
        assertThat(problems("v: ${file:/dev/zero}")).containsExactly(
                "${file:/dev/zero}: /dev/zero is not a regular file (line 6)");
    }

    @Test
    void aFileVariableReadsTheFile() {
        assertThat(value("v: ${file:" + ScratchDir.TEXT + "}")).isEqualTo("cloudquery/test");
    }
}
