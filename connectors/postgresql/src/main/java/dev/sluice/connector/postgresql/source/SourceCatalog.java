package dev.sluice.connector.postgresql.source;

import dev.sluice.connector.postgresql.PgCatalog;
import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.ConfigException;
import dev.sluice.spi.ConfigProblems;
import dev.sluice.spi.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Discovers the tables the spec selects (ordinary and partitioned tables, views and
 * materialized views; not the partitions of a partitioned table, which its parent reads, nor
 * foreign tables) with their columns ({@link SourceTypes}) and primary keys. A table of
 * {@code public} keeps its name; a table of another schema is named {@code <schema>_<table>}.
 */
final class SourceCatalog {
    private static final String TABLES_SQL = "SELECT n.nspname, c.relname, c.oid, c.relkind"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition"
            + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'"
            + " ORDER BY 1, 2";
    private static final String COLUMNS_SQL = "SELECT a.attname, a.atttypid, a.atttypmod, a.attndims,"
            + " format_type(a.atttypid, a.atttypmod), a.attnotnull"
            + " FROM pg_attribute a WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";

    private static final System.Logger LOG = System.getLogger(SourceCatalog.class.getName());
    private static final String CURSOR_INDEX_SQL = "SELECT EXISTS (SELECT 1 FROM pg_index i JOIN pg_attribute a"
            + " ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] WHERE i.indrelid = ? AND a.attname = ?)";

    private SourceCatalog() {
    }

    static List<SourceTable> discover(Connection c, PgSourceConfig config) throws SQLException {
        List<SourceTable> out = new ArrayList<>();
        Set<String> incrementalFound = new HashSet<>();
        Map<String, String> names = new HashMap<>();
        SourceTypeCatalog types = new SourceTypeCatalog(c);
        ConfigProblems problems = new ConfigProblems();
        try (PreparedStatement ps = c.prepareStatement(TABLES_SQL); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String schema = rs.getString(1);
                String relation = rs.getString(2);
                if (config.tables().stream().noneMatch(g -> g.matches(schema, relation))) {
                    continue;
                }
                String full = schema + "." + relation;
                Optional<String> cursor = Optional.ofNullable(config.incremental().get(full));
                cursor.ifPresent(x -> incrementalFound.add(full));
                SourceTable t;
                try {
                    t = describe(c, types, schema, relation, rs.getLong(3), SourceTable.Kind.of(rs.getString(4)), cursor);
                } catch (ConfigException e) {
                    e.problems().forEach(p -> problems.add(p.field().orElse(PgSourceConfig.TABLES), p.getMessage()));
                    continue;
                }
                String previous = names.putIfAbsent(t.table().name(), full);
                if (previous != null) {
                    problems.add(PgSourceConfig.TABLES, "tables " + previous + " and " + full
                            + " would both sync as \"" + t.table().name() + "\"; narrow the table globs");
                }
                out.add(t);
            }
        }
        SelectionCheck.check(c, config, incrementalFound, problems);
        problems.throwIfAny();
        return out;
    }

    private static SourceTable describe(Connection c, SourceTypeCatalog types, String schema, String relation, long oid,
                                        SourceTable.Kind kind, Optional<String> cursorColumn) throws SQLException {
        List<String> key = PgCatalog.primaryKey(c, oid);
        List<Column> columns = new ArrayList<>();
        List<String> select = new ArrayList<>();
        Map<String, SourceTable.KeyColumn> byName = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(COLUMNS_SQL)) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    SourceTypes type = SourceTypes.of(name, rs.getLong(2), rs.getInt(3), rs.getInt(4), types);
                    columns.add(new Column(name, type.type(), key.contains(name), rs.getBoolean(6) || type.notNull()));
                    select.add(type.selectExpression());
                    byName.put(name, new SourceTable.KeyColumn(name, rs.getString(5),
                            type.type().kind() == ColumnType.Kind.INT));
                }
            }
        }
        String full = schema + "." + relation;
        String name = schema.equals("public") ? relation : schema + "_" + relation;
        Table table = Table.of(name, "PostgreSQL " + kind.description + " " + full + ".", columns);
        Optional<SourceTable.KeyColumn> cursor = Optional.empty();
        if (cursorColumn.isPresent()) {
            String field = PgSourceConfig.INCREMENTAL + "." + full;
            if (!byName.containsKey(cursorColumn.get())) {
                throw new ConfigException(field, "cursor column \"" + cursorColumn.get() + "\" is not a column of " + full);
            }
            if (key.isEmpty()) {
                throw new ConfigException(field, full + (kind == SourceTable.Kind.TABLE ? "" : " is a " + kind.description
                        + " and") + " has no primary key; an incremental table needs one to order rows that share a cursor value");
            }
            warnWithoutCursorIndex(c, oid, full, cursorColumn.get(), key);
            table = table.withCursor(cursorColumn.get());
            cursor = Optional.of(byName.get(cursorColumn.get()));
        }
        return new SourceTable(table, schema, relation, oid, select, key.stream().map(byName::get).toList(), cursor, kind);
    }

    /** Without an index led by the cursor column, every page scans and sorts the whole table. */
    private static void warnWithoutCursorIndex(Connection c, long oid, String table, String cursor, List<String> key)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CURSOR_INDEX_SQL)) {
            ps.setLong(1, oid);
            ps.setString(2, cursor);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && !rs.getBoolean(1)) {
                    LOG.log(System.Logger.Level.WARNING, "postgresql: incremental table " + table + " has no index led by its"
                            + " cursor column " + cursor + ": every page will scan and sort the table; create one, e.g."
                            + " CREATE INDEX ON " + table + " (" + cursor + ", " + String.join(", ", key) + ")");
                }
            }
        }
    }
}
