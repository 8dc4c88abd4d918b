package dev.sluice.connector.sqlite;

import dev.sluice.spi.ConfigException;
import dev.sluice.spi.ConfigProblems;
import dev.sluice.spi.Spec;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The SQLite destination's spec, parsed without touching the disk.
 *
 * <p>{@code connection_string} is CloudQuery's: a file path ({@code ./db.sqlite}, relative to
 * the working directory), optionally written as a URI ({@code file:./db.sqlite},
 * {@code file:///abs/db.sqlite}); options after {@code ?} in a URI are ignored because Sluice
 * sets the journal mode, synchronous level and busy timeout itself. {@code :memory:} is a
 * private in-memory database.
 *
 * @param file the database file; empty for {@code :memory:}
 */
public record SqliteConfig(Optional<Path> file) {
    public static final String CONNECTION_STRING = "connection_string";
    private static final String MEMORY = ":memory:";

    public SqliteConfig {
        Objects.requireNonNull(file, "file");
    }

    /** Parses the spec, reporting an unknown key and a bad connection string together. */
    public static SqliteConfig parse(Spec spec) {
        ConfigProblems problems = new ConfigProblems();
        problems.check(() -> spec.requireOnly(Set.of(CONNECTION_STRING)));
        SqliteConfig config = problems.check(() -> parseConnection(spec), null);
        problems.throwIfAny();
        return config;
    }

    private static SqliteConfig parseConnection(Spec spec) {
        String text = spec.string(CONNECTION_STRING).trim();
        if (text.startsWith("file:")) {
            text = text.substring("file:".length());
            int query = text.indexOf('?');
            if (query >= 0) {
                text = text.substring(0, query);
            }
            if (text.startsWith("//")) {
                text = text.substring(2);
                if (!text.startsWith("/")) {
                    throw new ConfigException(CONNECTION_STRING, "a file: URI with a host is not supported; "
                            + "write file:///absolute/path or a plain path such as ./db.sqlite");
                }
            }
        }
        if (text.isEmpty()) {
            throw new ConfigException(CONNECTION_STRING, "must name a database file, such as ./db.sqlite");
        }
        if (text.equals(MEMORY)) {
            return new SqliteConfig(Optional.empty());
        }
        try {
            return new SqliteConfig(Optional.of(Path.of(text)));
        } catch (InvalidPathException e) {
            throw new ConfigException(CONNECTION_STRING, "is not a valid file path: " + e.getReason());
        }
    }

    /** The JDBC URL of the database. */
    String jdbcUrl() {
        return "jdbc:sqlite:" + file.map(p -> p.toAbsolutePath().toString()).orElse(MEMORY);
    }
}
