package dev.sluice.connector.postgresql;

import dev.sluice.spi.ColumnType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The README's SQLite table ("type | declared | stored as"), read from the project's README.md. */
final class SqliteReadme {
    private static final Pattern ROW = Pattern.compile("\\|([^|]*)\\|\\s*`([A-Z_]+)`\\s*\\|.*");

    private final List<String> rows;

    private SqliteReadme(List<String> rows) {
        this.rows = rows;
    }

    /** The rows of the table under "## SQLite" whose header is "type | declared | stored as". */
    static SqliteReadme read() {
        Path readme = root().resolve("README.md");
        try {
            List<String> lines = Files.readAllLines(readme);
            int section = lines.indexOf("## SQLite");
            int header = section < 0 ? -1 : lines.subList(section, lines.size()).indexOf("| type | declared | stored as |");
            if (header < 0) {
                throw new IllegalStateException(readme + " has no SQLite table \"type | declared | stored as\"");
            }
            return new SqliteReadme(lines.subList(section + header + 2, lines.size()).stream().takeWhile(l -> l.startsWith("|")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The declared type the table gives {@code type}: the row whose first cell names it in backticks. */
    String declared(ColumnType type) {
        String name = "`" + rowName(type) + "`";
        for (String row : rows) {
            Matcher m = ROW.matcher(row);
            if (m.matches() && m.group(1).contains(name)) {
                return m.group(2);
            }
        }
        throw new IllegalStateException("the README's SQLite table has no row for " + name);
    }

    /** The name the type's row starts with ({@code int8} … {@code int64} for every signed integer, and so on). */
    private static String rowName(ColumnType type) {
        return switch (type.kind()) {
            case INT -> type.equals(ColumnType.UINT64) ? "uint64" : ((ColumnType.IntType) type).signed() ? "int8" : "uint8";
            case FLOAT -> "float32";
            case DECIMAL -> "numeric";
            case STRING -> "utf8";
            case INET -> "inet";
            case MAC -> "mac";
            case LIST -> "list<T>";
            default -> type.displayName();
        };
    }

    private static Path root() {
        for (Path d = Paths.get("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("README.md")) && Files.isRegularFile(d.resolve("template.yaml"))) {
                return d;
            }
        }
        throw new IllegalStateException("no project directory (README.md and template.yaml) above " + Paths.get("").toAbsolutePath());
    }
}
