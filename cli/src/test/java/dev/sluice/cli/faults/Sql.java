package dev.sluice.cli.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The few reads the checks need, in SQL that SQLite and PostgreSQL both run. */
final class Sql {
    private Sql() {
    }

    /** The single row of a query as longs (NULL as 0). */
    static long[] longs(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no row from " + sql);
                }
                long[] out = new long[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = rs.getLong(i + 1);
                }
                return out;
            }
        }
    }

    static long one(Connection c, String sql, Object... params) throws SQLException {
        return longs(c, sql, params)[0];
    }

    /** Every row of a two-column numeric query. */
    static List<long[]> pairs(Connection c, String sql) throws SQLException {
        List<long[]> out = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(new long[] {rs.getLong(1), rs.getLong(2)});
            }
        }
        return out;
    }

    static boolean tableExists(Connection c, String table) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
            return rs.next();
        }
    }

    /** The value stored under {@code key} in a CloudQuery-shaped state table, if the table and key exist. */
    static Optional<String> state(Connection c, String table, String key) throws SQLException {
        if (!tableExists(c, table)) {
            return Optional.empty();
        }
        try (PreparedStatement st = c.prepareStatement("select value from \"" + table + "\" where key = ?")) {
            st.setString(1, key);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
