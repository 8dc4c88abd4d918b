package dev.sluice.connector.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connector.postgresql.source.PgSource;
import dev.sluice.connector.postgresql.source.PgSourceConfig;
import dev.sluice.spi.FetchRequest;
import dev.sluice.spi.Page;
import dev.sluice.spi.Spec;
import dev.sluice.spi.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keyset pages over keys of every kind a resume token carries as text and casts back: dates,
 * numerics, text (unicode, case, spaces), uuids, timestamps with zone, intervals, enums,
 * char(n), floats and composite keys of them; and incremental cursors of such types. Pages of
 * three rows read every row once, in key order.
 */
class PgSourceKeysIT {
    private static final String[] SCHEMA = {
        "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')",
        "CREATE TABLE by_date (k date PRIMARY KEY, n int)",
        "INSERT INTO by_date SELECT '4713-01-01 BC'::date + g * 100000, g FROM generate_series(0, 24) g",
        "INSERT INTO by_date VALUES ('infinity', 100), ('-infinity', 101)",
        "CREATE TABLE by_numeric (k numeric PRIMARY KEY, n int)",
        "INSERT INTO by_numeric SELECT (g - 10) * 1.0001 ^ g / 3, g FROM generate_series(0, 24) g",
        "INSERT INTO by_numeric VALUES ('NaN', 100), ('Infinity', 101), ('-Infinity', 102), (0.000000000000000000001, 103)",
        "CREATE TABLE by_text (k text PRIMARY KEY, n int)",
        "INSERT INTO by_text SELECT chr(65 + g) || CASE WHEN g % 2 = 0 THEN ' ' ELSE 'ü🚀' END, g FROM generate_series(0, 24) g",
        "INSERT INTO by_text VALUES ('', 100), ('a', 101), ('A', 102), (' ', 103), ('\"quoted\", with comma', 104)",
        "CREATE TABLE by_uuid (k uuid PRIMARY KEY, n int)",
        "INSERT INTO by_uuid SELECT md5(g::text)::uuid, g FROM generate_series(0, 24) g",
        "CREATE TABLE by_instant (k timestamptz PRIMARY KEY, n int)",
        "INSERT INTO by_instant SELECT '2024-03-31 01:59:59.999999+00'::timestamptz + g * interval '17 minutes 0.000001 seconds', g"
                + " FROM generate_series(0, 24) g",
        "INSERT INTO by_instant VALUES ('infinity', 100), ('-infinity', 101), ('0044-03-15 12:00:00+00 BC', 102)",
        "CREATE TABLE by_interval (k interval PRIMARY KEY, n int)",
        "INSERT INTO by_interval SELECT make_interval(months => g - 12, days => 12 - g, secs => g * 1.000001), g"
                + " FROM generate_series(0, 24) g",
        "CREATE TABLE by_enum_char (m mood, c char(3), f float8, PRIMARY KEY (m, c, f), n int)",
        "INSERT INTO by_enum_char SELECT (ARRAY['sad','ok','happy'])[1 + g % 3]::mood, chr(97 + g % 4), g / 7.0, g"
                + " FROM generate_series(0, 24) g",
        "CREATE TABLE composite (d date, x numeric(10,2), t text, u uuid, ts timestamptz, n int, PRIMARY KEY (d, x, t, u, ts))",
        "INSERT INTO composite SELECT '2024-01-01'::date + g % 2, (g % 3) / 4.0, chr(65 + g % 4), md5((g % 5)::text)::uuid,"
                + " '2024-01-01 00:00+00'::timestamptz + (g % 6) * interval '1 microsecond', g FROM generate_series(0, 59) g",
        "CREATE TABLE changes (id int PRIMARY KEY, at timestamptz NOT NULL, day date NOT NULL, amount numeric NOT NULL, n int)",
        "INSERT INTO changes SELECT g, '2024-01-01 00:00+00'::timestamptz + (g / 4) * interval '1 second',"
                + " '2024-01-01'::date + g / 5, (g / 3) * 0.5, g FROM generate_series(0, 24) g",
    };
    private static PgTestDatabase db;

    @BeforeAll
    static void database() throws SQLException {
        db = PgTestDatabase.create();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String sql : SCHEMA) {
                st.execute(sql);
            }
        }
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void everyKeyTypePagesThroughEveryRowOnceInKeyOrder() throws SQLException {
        try (PgSource source = source(Map.of())) {
            for (String table : List.of("by_date", "by_numeric", "by_text", "by_uuid", "by_instant", "by_interval",
                    "by_enum_char", "composite")) {
                Table t = PgSourceEveryTypeIT.table(source, table);
                List<Object> read = PgSourceEveryTypeIT.readAll(source, t).stream().map(r -> r.get(r.size() - 1)).toList();
                assertThat(read).as(table).isEqualTo(ordered(table));
            }
        }
    }

    @Test
    void incrementalCursorsOfTimestampDateAndNumericTypesResumeWhereTheyStopped() throws SQLException {
        for (String cursor : List.of("at", "day", "amount")) {
            try (PgSource source = source(Map.of("incremental", Map.of("public.changes", cursor)))) {
                Table t = PgSourceEveryTypeIT.table(source, "changes");
                List<Object> read = new ArrayList<>();
                Optional<String> stored = Optional.empty();
                while (true) { // every page starts from the cursor the last one reported, as a new sync would
                    Page page = source.fetch(new FetchRequest(t, "", Optional.empty(), stored));
                    if (page.rows().isEmpty()) {
                        break;
                    }
                    page.rows().forEach(r -> read.add(r[r.length - 1]));
                    stored = page.cursor();
                }
                assertThat(read).as(cursor).isEqualTo(ordered("changes ORDER BY " + cursor + ", id"));
            }
        }
    }

    private static List<Object> ordered(String table) throws SQLException {
        String sql = table.contains("ORDER BY") ? "SELECT n FROM " + table
                : "SELECT n FROM " + table + " ORDER BY " + (table.equals("composite") ? "d, x, t, u, ts"
                : table.equals("by_enum_char") ? "m, c, f" : "k");
        List<Object> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add((long) rs.getInt(1));
            }
        }
        return out;
    }

    private static PgSource source(Map<String, Object> more) {
        Map<String, Object> spec = new java.util.HashMap<>(Map.of("connection_string", db.url(), "page_size", 3));
        spec.putAll(more);
        PgSource source = new PgSource(PgSourceConfig.parse(new Spec(spec)));
        source.open();
        return source;
    }
}
