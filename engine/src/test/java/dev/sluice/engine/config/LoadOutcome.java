package dev.sluice.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What loading one config file did, checked against the loader's contract for hostile input:
 * it returns a spec or throws {@link ConfigError}, within a time bound, and every problem names
 * the file (and the document when it is about one) in words, never a Java class name.
 */
record LoadOutcome(Optional<SyncSpec> spec, List<Problem> problems) {
    static final Duration TIME_BOUND = Duration.ofSeconds(10);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-10T12:00:00Z"), ZoneOffset.UTC);
    /** What a message shows when an exception leaked into it: a class name, a package, an object's or array's toString. */
    private static final Pattern JAVA_NAMES = Pattern.compile("Exception|Error\\b|java\\.|javax\\.|\\[L|[A-Za-z;\\]]@[0-9a-f]{6,8}\\b");

    /** Loads {@code file} (resolving {@code ${file:...}} against {@code dir}) and checks the contract. */
    static LoadOutcome load(Path dir, Path file, Map<String, String> env) {
        LoadOutcome outcome = assertTimeoutPreemptively(TIME_BOUND, () -> {
            try {
                return new LoadOutcome(Optional.of(new SpecLoader(dir, CLOCK).load(List.of(file), env)), List.of());
            } catch (ConfigError e) {
                return new LoadOutcome(Optional.empty(), e.problems());
            }
        }, "loading " + file + " took longer than " + TIME_BOUND);
        outcome.assertWellFormed(file);
        return outcome;
    }

    boolean failed() {
        return spec.isEmpty();
    }

    private void assertWellFormed(Path file) {
        for (Problem p : problems) {
            assertThat(p.file()).as("every problem names the file: %s", p).isEqualTo(file.toString());
            assertThat(p.message()).as("problem message").isNotBlank().doesNotContainPattern(JAVA_NAMES);
            assertThat(p.toString()).as("problem").startsWith(file.toString());
            if (p.origin() != null) {
                assertThat(p.origin().document()).as("document number of %s", p).isPositive();
            }
        }
    }

    /** Asserts that no message of this outcome contains {@code secret}. */
    void assertNeverMentions(String secret) {
        for (Problem p : problems) {
            assertThat(p.toString()).as("problem quoting a secret value").doesNotContain(secret);
        }
    }
}
