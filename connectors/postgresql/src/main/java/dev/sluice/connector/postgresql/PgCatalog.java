package dev.sluice.connector.postgresql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Catalog reads the destination and the source share. An index's key columns are the first
 * {@code indnkeyatts} of {@code indkey}; the rest are {@code INCLUDE} columns, which are stored
 * in the index but are not part of the key.
 */
public final class PgCatalog {
    private static final String INDEX_COLUMNS = "SELECT a.attname FROM pg_index i"
            + " JOIN pg_class ic ON ic.oid = i.indexrelid"
            + " CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)"
            + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
            + " WHERE k.ord <= i.indnkeyatts AND i.indrelid = ? AND ";

    private PgCatalog() {
    }

    /** The primary-key columns of table {@code oid}, in key order (INCLUDE columns left out); empty without a key. */
    public static List<String> primaryKey(Connection c, long oid) throws SQLException {
        return indexColumns(c, oid, "i.indisprimary", null);
    }

    /** The key columns of the index named {@code index} (as stored) on table {@code oid}, in index order. */
    public static List<String> indexColumns(Connection c, long oid, String index) throws SQLException {
        return indexColumns(c, oid, "ic.relname = ?", index);
    }

    private static List<String> indexColumns(Connection c, long oid, String condition, String index) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(INDEX_COLUMNS + condition + " ORDER BY k.ord")) {
            ps.setLong(1, oid);
            if (index != null) {
                ps.setString(2, index);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
