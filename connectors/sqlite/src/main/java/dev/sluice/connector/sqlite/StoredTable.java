package dev.sluice.connector.sqlite;

import dev.sluice.spi.ConnectorException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A table as SQLite has it, read with {@code pragma_table_info} and, for the unique key, the
 * columns of Sluice's unique index.
 *
 * @param columns    in table order
 * @param primaryKey column names in key order
 * @param uniqueKey  column names of the unique index; empty if there is none
 */
record StoredTable(String name, List<StoredColumn> columns, List<String> primaryKey, List<String> uniqueKey) {

    /** One column: its declared type as written in the DDL and whether it is NOT NULL. */
    record StoredColumn(String name, String declaredType, boolean notNull) {
    }

    static Optional<StoredTable> read(Connection c, String table) throws SQLException {
        List<StoredColumn> columns = new ArrayList<>();
        Map<Integer, String> pk = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?) ORDER BY cid")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new StoredColumn(rs.getString(1), rs.getString(2), rs.getInt(3) != 0));
                    if (rs.getInt(4) > 0) {
                        pk.put(rs.getInt(4), rs.getString(1));
                    }
                }
            }
        }
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StoredTable(table, columns, List.copyOf(pk.values()), uniqueKey(c, table)));
    }

    /**
     * Fails unless the table exists with these columns. Queries check first because SQLite reads
     * a double-quoted name that matches no column as a string literal instead of failing.
     */
    static StoredTable require(Connection c, String table, List<String> columns) throws SQLException {
        StoredTable stored = read(c, table).orElseThrow(() -> new ConnectorException(
                "sqlite: table \"" + table + "\" does not exist (migrate first)"));
        for (String column : columns) {
            if (stored.column(column).isEmpty()) {
                throw new ConnectorException("sqlite: table \"" + table + "\" has no column \"" + column + "\" (migrate first)");
            }
        }
        return stored;
    }

    Optional<StoredColumn> column(String columnName) {
        String folded = SqliteSql.fold(columnName);
        return columns.stream().filter(col -> SqliteSql.fold(col.name()).equals(folded)).findFirst();
    }

    private static List<String> uniqueKey(Connection c, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM pragma_index_info(?) ORDER BY seqno")) {
            ps.setString(1, SqliteSql.uniqueIndexName(table));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    /**
     * Nullable stored columns {@code schema} does not have: a source dropped them. Rows upserted
     * from now on set them to NULL, so no row keeps a value its source no longer gives.
     */
    List<String> leftBehindBy(dev.sluice.spi.TableSchema schema) {
        java.util.Set<String> wanted = new java.util.HashSet<>(SqliteSql.fold(
                schema.columns().stream().map(dev.sluice.spi.Column::name).toList()));
        return columns.stream().filter(c -> !c.notNull() && !wanted.contains(SqliteSql.fold(c.name())))
                .map(StoredColumn::name).toList();
    }
}
