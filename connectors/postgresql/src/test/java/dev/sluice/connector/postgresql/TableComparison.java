package dev.sluice.connector.postgresql;

import static dev.sluice.connector.postgresql.PgNames.quote;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares a relation of the source ({@code public}) with the table a sync made of it in the
 * destination: each column's type as {@code format_type()} prints it, and every row with every
 * column cast to text ({@code col::text}), rows matched by the source's primary key (by position
 * for a relation without one). The destination's own {@code _cq_*} columns are not compared.
 * Each difference comes back as one line naming the table, the column and an example row.
 */
final class TableComparison {
    private static final String COLUMNS_SQL = "SELECT a.attname, format_type(a.atttypid, a.atttypmod)"
            + " FROM pg_attribute a WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped"
            + " AND a.attname NOT LIKE '\\_cq\\_%' ORDER BY a.attnum";
    private static final String KEY_SQL = "SELECT a.attname FROM pg_index i"
            + " JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) ON true"
            + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
            + " WHERE i.indrelid = to_regclass(?) AND i.indisprimary ORDER BY k.n";
    private static final String RELATIONS_SQL = "SELECT c.relname FROM pg_class c"
            + " WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = ANY (?) AND NOT c.relispartition ORDER BY 1";

    /** A column whose destination type differs from its source's by design, and why. */
    record TypeChange(String table, String column, String sourceType, String destinationType, String why) {
    }

    private TableComparison() {
    }

    /** Relations of {@code public} of the given {@code pg_class.relkind}s ("r", "p", "v", "m"), partitions left out. */
    static List<String> relations(PgTestDatabase db, String... kinds) {
        return query(db, RELATIONS_SQL, ps -> ps.setArray(1, ps.getConnection().createArrayOf("char", kinds)))
                .stream().map(r -> r.get(0)).toList();
    }

    /** Column types of {@code table}: destination against source, allowing the listed {@code changes}. */
    static List<String> types(PgTestDatabase source, PgTestDatabase destination, String table, List<TypeChange> changes) {
        Map<String, String> want = columns(source, table);
        Map<String, String> got = columns(destination, table);
        List<String> out = new ArrayList<>();
        if (got.isEmpty()) {
            return List.of(table + ": no such table in the destination");
        }
        want.forEach((column, sourceType) -> {
            Optional<TypeChange> change = changes.stream()
                    .filter(c -> c.table().equals(table) && c.column().equals(column)).findFirst();
            change.filter(c -> !c.sourceType().equals(sourceType)).ifPresent(c -> out.add(table + "." + column
                    + ": the expected type changes list says the source type is " + c.sourceType() + ", it is " + sourceType));
            String expected = change.map(TypeChange::destinationType).orElse(sourceType);
            String stored = got.get(column);
            if (stored == null) {
                out.add(table + "." + column + ": missing in the destination (source type " + sourceType + ")");
            } else if (!stored.equals(expected)) {
                out.add(table + "." + column + ": type " + sourceType + " arrived as " + stored + ", expected " + expected
                        + change.map(c -> " (" + c.why() + ")").orElse(""));
            }
        });
        got.keySet().stream().filter(c -> !want.containsKey(c))
                .forEach(c -> out.add(table + "." + c + ": a column the source does not have (" + got.get(c) + ")"));
        return out;
    }

    /**
     * Rows of {@code table}: the destination's against {@code sourceRelation} (an expression
     * for FROM, usually the source table itself), rows paired by the source table's primary key.
     */
    static List<String> rows(PgTestDatabase source, String sourceRelation, PgTestDatabase destination, String table) {
        Set<String> stored = columns(destination, table).keySet();
        if (stored.isEmpty()) {
            return List.of(table + ": no such table in the destination");
        }
        // a column missing in the destination is reported by types(); the rows compare on the others
        List<String> columns = columns(source, table).keySet().stream().filter(stored::contains).toList();
        List<String> key = query(source, KEY_SQL, ps -> ps.setString(1, quote(table))).stream().map(r -> r.get(0)).toList();
        List<Integer> keyAt = key.isEmpty() ? indexes(columns.size()) : key.stream().map(columns::indexOf).toList();
        String select = columns.stream().map(c -> quote(c) + "::text").collect(Collectors.joining(", "));
        String order = (key.isEmpty() ? "" : key.stream().map(PgNames::quote).collect(Collectors.joining(", ")) + ", ")
                + columns.stream().map(c -> quote(c) + "::text COLLATE \"C\"").collect(Collectors.joining(", "));
        List<List<String>> want = query(source, "SELECT " + select + " FROM " + sourceRelation + " ORDER BY " + order, ps -> { });
        List<List<String>> got = query(destination, "SELECT " + select + " FROM " + quote(table) + " ORDER BY " + order,
                ps -> { });
        return RowDiff.of(table, columns, keyAt, want, got);
    }

    private static List<Integer> indexes(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    /** Column name → type of {@code public.table}, in column order; empty when there is no such relation. */
    static Map<String, String> columns(PgTestDatabase db, String table) {
        Map<String, String> out = new LinkedHashMap<>();
        query(db, COLUMNS_SQL, ps -> ps.setString(1, "public." + quote(table))).forEach(r -> out.put(r.get(0), r.get(1)));
        return out;
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static List<List<String>> query(PgTestDatabase db, String sql, Binder binder) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                List<List<String>> out = new ArrayList<>();
                while (rs.next()) {
                    List<String> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getString(i));
                    }
                    out.add(row);
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
