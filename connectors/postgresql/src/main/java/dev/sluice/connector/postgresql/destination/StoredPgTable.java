package dev.sluice.connector.postgresql.destination;

import dev.sluice.connector.postgresql.PgCatalog;
import dev.sluice.connector.postgresql.PgNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A table as the catalog describes it: columns with the type {@code format_type()} prints and
 * nullability, the primary key, and the unique key Sluice's index holds. Looked up by the name
 * PostgreSQL stores (at most 63 bytes) in the first schema of the search path that has it.
 */
record StoredPgTable(String name, List<StoredColumn> columns, List<String> primaryKey, List<String> uniqueKey) {

    record StoredColumn(String name, String type, boolean notNull) {
    }

    Optional<StoredColumn> column(String wanted) {
        String stored = PgNames.stored(wanted);
        return columns.stream().filter(c -> c.name().equals(stored)).findFirst();
    }

    static Optional<StoredPgTable> read(Connection c, String table) throws SQLException {
        Optional<Long> oid = oid(c, table);
        if (oid.isEmpty()) {
            return Optional.empty();
        }
        List<StoredColumn> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT attname, format_type(atttypid, atttypmod), attnotnull"
                + " FROM pg_attribute WHERE attrelid = ? AND attnum > 0 AND NOT attisdropped ORDER BY attnum")) {
            ps.setLong(1, oid.get());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new StoredColumn(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
                }
            }
        }
        return Optional.of(new StoredPgTable(table, columns, PgCatalog.primaryKey(c, oid.get()),
                PgCatalog.indexColumns(c, oid.get(), PgNames.stored(PgSql.uniqueIndexName(table)))));
    }

    /** The table's oid, resolved through the search path as unqualified DDL and DML resolve it. */
    private static Optional<Long> oid(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?)::oid")) {
            ps.setString(1, PgNames.quote(PgNames.stored(table)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long oid = rs.getLong(1);
                return rs.wasNull() ? Optional.empty() : Optional.of(oid);
            }
        }
    }

    /**
     * Nullable stored columns {@code schema} does not have: a source dropped them. Rows upserted
     * from now on set them to NULL, so no row keeps a value its source no longer gives.
     */
    List<String> leftBehindBy(dev.sluice.spi.TableSchema schema) {
        java.util.Set<String> wanted = new java.util.HashSet<>();
        schema.columns().forEach(c -> wanted.add(PgNames.stored(c.name())));
        return columns.stream().filter(c -> !c.notNull() && !wanted.contains(c.name())).map(StoredColumn::name).toList();
    }
}
