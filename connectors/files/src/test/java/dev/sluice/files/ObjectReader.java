package dev.sluice.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** Reads the {@code _cq_id} of every row of the objects under a directory with DuckDB, the independent reader. */
final class ObjectReader {
    private ObjectReader() {
    }

    /** Every {@code _cq_id} in the files of {@code format} ({@code parquet}, {@code json}, {@code csv}) under {@code dir}. */
    static List<UUID> ids(Path dir, String format) {
        String suffix = "." + format;
        boolean any;
        try (Stream<Path> files = Files.exists(dir) ? Files.walk(dir) : Stream.empty()) {
            any = files.anyMatch(f -> f.getFileName().toString().endsWith(suffix) && !f.getFileName().toString().startsWith("."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!any) {
            return List.of();
        }
        String glob = dir.resolve("**/*" + suffix).toString().replace("'", "''");
        String from = switch (format) {
            case "parquet" -> "read_parquet('" + glob + "')";
            case "json" -> "read_json('" + glob + "', format = 'newline_delimited')";
            case "csv" -> "read_csv('" + glob + "', header = true, all_varchar = true)";
            default -> throw new IllegalArgumentException(format);
        };
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT CAST(_cq_id AS VARCHAR) FROM " + from)) {
            List<UUID> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(UUID.fromString(rs.getString(1)));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(from + ": " + e.getMessage(), e);
        }
    }
}
