package dev.sluice.connector.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connector.postgresql.source.PgSource;
import dev.sluice.connector.postgresql.source.PgSourceConfig;
import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.FetchRequest;
import dev.sluice.spi.Page;
import dev.sluice.spi.Spec;
import dev.sluice.spi.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every PostgreSQL data type through the source ({@link EveryType}): each column's type and
 * NOT NULL, each value's Java value, exactly; from a table (keyset pages), a view (a held
 * cursor) and a materialized view (block ranges). Pages of two rows, read six times on the
 * same pooled connection, so the later reads get binary results (the driver prepares a
 * statement on the server after five executions).
 */
class PgSourceEveryTypeIT {
    private static final List<EveryType.Col> VIEW_COLUMNS = EveryType.COLUMNS.stream()
            .filter(c -> !c.multiDimensional()).toList(); // a view does not record an array's dimensions
    private static PgTestDatabase db;

    @BeforeAll
    static void database() throws SQLException {
        db = PgTestDatabase.create();
        String viewColumns = "id, " + VIEW_COLUMNS.stream().map(c -> PgNames.quote(c.name())).collect(Collectors.joining(", "));
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String sql : EveryType.sql()) {
                st.execute(sql);
            }
            st.execute("CREATE VIEW every_view AS SELECT " + viewColumns + " FROM every_type");
            st.execute("CREATE MATERIALIZED VIEW every_mv AS SELECT " + viewColumns + " FROM every_type");
        }
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void everyTypeReadsAsItsMostFaithfulTypeWithExactValues() {
        try (PgSource source = source()) {
            Table table = table(source, "every_type");
            List<Column> expected = new ArrayList<>(List.of(Column.primaryKey("id", ColumnType.INT64)));
            EveryType.COLUMNS.forEach(c -> expected.add(new Column(c.name(), c.type(), false, c.notNull())));
            assertThat(table.columns()).containsExactlyElementsOf(expected);
            for (int read = 0; read < 6; read++) {
                assertThat(comparable(table, readAll(source, table))).as("read %d", read)
                        .isEqualTo(comparable(table, EveryType.expectedRows()));
            }
        }
    }

    @Test
    void viewsAndMaterializedViewsReadTheSameValues() {
        List<List<Object>> wanted = EveryType.expectedRows().stream().map(PgSourceEveryTypeIT::viewRow).toList();
        try (PgSource source = source()) {
            for (String name : List.of("every_view", "every_mv")) {
                Table view = table(source, name);
                assertThat(view.primaryKey()).isEmpty();
                List<Column> expected = new ArrayList<>(List.of(Column.of("id", ColumnType.INT64)));
                VIEW_COLUMNS.forEach(c -> expected.add(new Column(c.name(), c.type(), false, c.name().equals("c_posint"))));
                assertThat(view.columns()).as(name).containsExactlyElementsOf(expected);
                for (int read = 0; read < 6; read++) {
                    List<List<Object>> rows = new ArrayList<>(readAll(source, view));
                    rows.sort(Comparator.comparing(r -> (Long) r.get(0)));
                    assertThat(comparable(view, rows)).as("%s, read %d", name, read).isEqualTo(comparable(view, wanted));
                }
            }
        }
    }

    private static List<Object> viewRow(List<Object> row) {
        List<Object> out = new ArrayList<>(List.of(row.get(0)));
        for (int i = 0; i < EveryType.COLUMNS.size(); i++) {
            if (!EveryType.COLUMNS.get(i).multiDimensional()) {
                out.add(row.get(i + 1));
            }
        }
        return out;
    }

    private static PgSource source() {
        PgSource source = new PgSource(PgSourceConfig.parse(new Spec(Map.of("connection_string", db.url(),
                "tables", List.of("every_type", "every_view", "every_mv"), "page_size", 2))));
        source.open();
        return source;
    }

    static Table table(PgSource source, String name) {
        return source.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    /** Every row of {@code table}, page by page until the source says it is done. */
    static List<List<Object>> readAll(PgSource source, Table table) {
        List<List<Object>> rows = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            Page page = source.fetch(new FetchRequest(table, "", token, Optional.empty()));
            page.rows().forEach(r -> rows.add(new ArrayList<>(java.util.Arrays.asList(r))));
            token = page.nextToken();
        } while (token.isPresent());
        return rows;
    }

    /** Values that compare exactly with equals (byte arrays by content), each checked to fit its column's type. */
    static List<List<Object>> comparable(Table table, List<List<Object>> rows) {
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> row : rows) {
            assertThat(row).hasSize(table.columns().size());
            List<Object> r = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                Column c = table.columns().get(i);
                Object v = row.get(i);
                assertThat(c.type().accepts(v)).as("column %s: %s fits %s", c.name(), v, c.type().displayName()).isTrue();
                r.add(comparable(v));
            }
            out.add(r);
        }
        return out;
    }

    private static Object comparable(Object v) {
        if (v instanceof byte[] b) {
            return "bytes:" + HexFormat.of().formatHex(b);
        }
        if (v instanceof List<?> list) {
            return list.stream().map(PgSourceEveryTypeIT::comparable).toList();
        }
        return v == null ? "null" : v;
    }
}
