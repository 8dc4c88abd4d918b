package dev.sluice.connector.postgresql.source;

import dev.sluice.spi.ConfigProblems;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Says what each of the spec's {@code tables} globs and {@code incremental} entries selected,
 * so nothing is skipped without a word: a glob that selects no table is an error naming the
 * glob and what it matched instead (a partition, a foreign table, or nothing at all), and so is an incremental entry for a table the source does not sync.
 */
final class SelectionCheck {
    private static final String RELATIONS_SQL = "SELECT n.nspname, c.relname, c.relkind, c.relispartition,"
            + " (SELECT pn.nspname || '.' || p.relname FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent"
            + " JOIN pg_namespace pn ON pn.oid = p.relnamespace WHERE i.inhrelid = c.oid LIMIT 1)"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')"
            + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'"
            + " ORDER BY 1, 2";
    private static final int SHOWN = 5;

    private SelectionCheck() {
    }

    /** A relation of the database: a table the source reads, or something it does not, and why. */
    private record Relation(String schema, String name, String notReadBecause) {
        String full() {
            return schema + "." + name;
        }
    }

    /** Adds a problem for every glob that selects no table and every incremental entry for a table not synced. */
    static void check(Connection c, PgSourceConfig config, Set<String> synced, ConfigProblems problems) throws SQLException {
        List<Relation> relations = relations(c);
        for (TableGlob glob : config.tables()) {
            List<Relation> matched = relations.stream().filter(r -> glob.matches(r.schema(), r.name())).toList();
            if (matched.stream().anyMatch(r -> r.notReadBecause() == null)) {
                continue;
            }
            problems.add(PgSourceConfig.TABLES, "\"" + glob.text() + "\" selects no table of the database: "
                    + (matched.isEmpty() ? "it matches no table, view or partition" : "it matches " + describe(matched))
                    + "; the postgresql source reads ordinary and partitioned tables, views and materialized views");
        }
        for (Map.Entry<String, String> e : config.incremental().entrySet()) {
            String table = e.getKey();
            if (synced.contains(table)) {
                continue;
            }
            Relation r = relations.stream().filter(x -> x.full().equals(table)).findFirst().orElse(null);
            String why = r == null ? "there is no table " + table
                    : r.notReadBecause() != null ? table + " is " + r.notReadBecause()
                    : table + " is not selected by the tables globs " + config.tables().stream().map(TableGlob::text).toList();
            problems.add(PgSourceConfig.INCREMENTAL + "." + table, "names a table the source does not sync: " + why);
        }
    }

    private static String describe(List<Relation> matched) {
        String shown = matched.stream().limit(SHOWN).map(r -> r.full() + " (" + r.notReadBecause() + ")")
                .collect(Collectors.joining(", "));
        return shown + (matched.size() > SHOWN ? " and " + (matched.size() - SHOWN) + " more" : "");
    }

    private static List<Relation> relations(Connection c) throws SQLException {
        List<Relation> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(RELATIONS_SQL); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String kind = rs.getString(3);
                String why = rs.getBoolean(4) ? "a partition of " + rs.getString(5) + ", which its parent reads"
                        : switch (kind) {
                            case "f" -> "a foreign table";
                            default -> null;
                        };
                out.add(new Relation(rs.getString(1), rs.getString(2), why));
            }
        }
        return out;
    }
}
