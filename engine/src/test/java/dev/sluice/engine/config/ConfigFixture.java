package dev.sluice.engine.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Writes config files into a temporary directory and loads them. */
final class ConfigFixture {
    static final String DESTINATION = """
            kind: destination
            spec:
              name: postgresql
              path: cloudquery/postgresql
            """;

    private final Path dir;

    ConfigFixture(Path dir) {
        this.dir = dir;
    }

    Path write(String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SyncSpec load(Map<String, String> env, Path... files) {
        return new SpecLoader(dir, Clock.systemUTC()).load(Arrays.asList(files), env);
    }

    SyncSpec load(String text) {
        return load(Map.of(), write("config.yml", text));
    }

    List<Problem> problems(Map<String, String> env, Path... files) {
        List<Problem> problems = new ArrayList<>();
        assertThatThrownBy(() -> load(env, files)).isInstanceOfSatisfying(ConfigError.class,
                e -> problems.addAll(e.problems()));
        return problems;
    }

    List<Problem> problems(String text) {
        return problems(Map.of(), write("config.yml", text));
    }

    /** A source document with the given extra lines under spec (indented by the caller's text). */
    static String source(String name, String extra) {
        return """
                kind: source
                spec:
                  name: %s
                  path: cloudquery/test
                  tables: ["*"]
                  destinations: [postgresql]
                %s""".formatted(name, extra.indent(2));
    }
}
