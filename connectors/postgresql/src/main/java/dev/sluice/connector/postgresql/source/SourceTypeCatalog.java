package dev.sluice.connector.postgresql.source;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** The pg_type rows the source's columns use, read once per type while tables are discovered. */
final class SourceTypeCatalog {
    private static final String TYPE_SQL = "SELECT n.nspname, t.typname, t.typtype,"
            + " CASE WHEN t.typinput = 'array_in'::regproc THEN t.typelem ELSE 0 END,"
            + " t.typbasetype, t.typtypmod, t.typnotnull"
            + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.oid = ?";

    /**
     * A type as the catalog has it.
     *
     * @param kind      pg_type.typtype: b base, c composite, d domain, e enum, p pseudo, r range, m multirange
     * @param element   for an array type, its element type; else 0
     * @param base      for a domain, the type it is over (with {@code baseTypmod}); else 0
     * @param notNull   a domain declared NOT NULL
     */
    record PgType(String schema, String name, char kind, long element, long base, int baseTypmod, boolean notNull) {
        boolean builtIn() {
            return schema.equals("pg_catalog");
        }
    }

    private final Connection connection;
    private final Map<Long, PgType> types = new HashMap<>();

    SourceTypeCatalog(Connection connection) {
        this.connection = connection;
    }

    PgType type(long oid) throws SQLException {
        PgType known = types.get(oid);
        if (known != null) {
            return known;
        }
        try (PreparedStatement ps = connection.prepareStatement(TYPE_SQL)) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("type " + oid + " is not in pg_type");
                }
                PgType t = new PgType(rs.getString(1), rs.getString(2), rs.getString(3).charAt(0), rs.getLong(4),
                        rs.getLong(5), rs.getInt(6), rs.getBoolean(7));
                types.put(oid, t);
                return t;
            }
        }
    }
}
