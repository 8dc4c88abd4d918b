package dev.sluice.connector.postgresql;

import static dev.sluice.connector.postgresql.PgSyncHarness.execute;
import static dev.sluice.connector.postgresql.PgSyncHarness.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.sync.SyncReport;
import dev.sluice.engine.sync.TableReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL → PostgreSQL of every data type ({@link EveryType}), through the engine: each
 * column arrives with the type it had, and every value with the same text ({@code col::text}),
 * except where Sluice has no such type and documents what it becomes (below). Each column is
 * also synced in a table of its own, so a type that fails says so alone.
 */
class PgEveryTypeSyncIT {
    /**
     * Columns that arrive as another type, and the source expression whose text the stored value
     * matches: enums, domains, composites, ranges, geometric and text-search types, xml, bit
     * strings, jsonpath, oid-like types, money, typmods Sluice has no type for (time(0),
     * timestamp(3), interval year to month), unbounded varchar and bpchar, name and "char".
     */
    private static final Map<String, String> ARRIVES_AS = Map.ofEntries(
            Map.entry("c_serial", "integer"), // serial is integer with a default: format_type says integer already
            Map.entry("c_money", "%s::numeric"),
            Map.entry("c_varchar_unbounded", "text"), Map.entry("c_bpchar", "(CASE WHEN %1$s IS NULL THEN NULL ELSE concat(%1$s) END)"), Map.entry("c_name", "text"),
            Map.entry("c_char_internal", "text"), Map.entry("c_time_0", "time"), Map.entry("c_timestamp_3", "timestamp"),
            Map.entry("c_interval_ym", "interval"), Map.entry("c_enum", "text"),
            Map.entry("c_point", "text"), Map.entry("c_line", "text"), Map.entry("c_lseg", "text"), Map.entry("c_box", "text"),
            Map.entry("c_path", "text"), Map.entry("c_polygon", "text"), Map.entry("c_circle", "text"),
            Map.entry("c_bit", "text"), Map.entry("c_varbit", "text"), Map.entry("c_tsvector", "text"), Map.entry("c_tsquery", "text"),
            Map.entry("c_xml", "text"), Map.entry("c_jsonpath", "text"),
            Map.entry("c_enum_array", "text[]"), Map.entry("c_point_array", "text[]"), Map.entry("c_box_array", "%s::text[]"),
            Map.entry("c_range_array", "text[]"), Map.entry("c_money_array", "%s::numeric[]"), Map.entry("c_posint_array", "integer[]"),
            Map.entry("c_pair_array", "to_jsonb(%s)"), Map.entry("c_pair", "to_jsonb(%s)"),
            Map.entry("c_int4range", "text"), Map.entry("c_tstzrange", "text"), Map.entry("c_daterange", "text"),
            Map.entry("c_int4multirange", "text"), Map.entry("c_posint", "integer"), Map.entry("c_short_text", "varchar(5)"),
            Map.entry("c_oid", "text"), Map.entry("c_regclass", "text"), Map.entry("c_regtype", "text"), Map.entry("c_pg_lsn", "text"),
            Map.entry("c_tid", "text"),
            // an array's lower bounds are not kept: [0:1]={7,8} arrives as {7,8}
            Map.entry("c_int_array", "(CASE WHEN %1$s IS NULL THEN NULL ELSE array(SELECT unnest(%1$s)) END)"));

    @TempDir
    static Path dir;
    private static PgSyncHarness h;
    private static SyncReport report;

    @BeforeAll
    static void sync() {
        h = new PgSyncHarness(dir);
        List<String> sql = new ArrayList<>(List.of(EveryType.sql()));
        for (EveryType.Col c : EveryType.COLUMNS) {
            String q = PgNames.quote(c.name());
            sql.add("CREATE TABLE " + own(c) + " (id bigint PRIMARY KEY, " + q + " " + c.sqlType() + ")");
            sql.add("INSERT INTO " + own(c) + " SELECT id, " + q + " FROM every_type");
        }
        execute(h.source, sql.toArray(String[]::new));
        report = h.sync(h.config("page_size: 2", "overwrite-delete-stale"));
    }

    @AfterAll
    static void drop() {
        h.close();
    }

    /** A table of its own for column {@code c}. */
    private static String own(EveryType.Col c) {
        return PgNames.quote("t_" + c.name());
    }

    @TestFactory
    Stream<DynamicTest> everyColumnArrivesWithItsTypeAndEveryValue() {
        List<DynamicTest> tests = new ArrayList<>();
        for (EveryType.Col c : EveryType.COLUMNS) {
            tests.add(DynamicTest.dynamicTest(c.name() + ": type", () -> {
                String stored = type(h.destination, "t_" + c.name(), c.name());
                assertThat(stored).isEqualTo(PgTypes.declared(c.type()));
                assertThat(type(h.destination, "every_type", c.name())).isEqualTo(stored);
                String source = type(h.source, "t_" + c.name(), c.name());
                String arrives = ARRIVES_AS.getOrDefault(c.name(), source);
                if (arrives.contains("%")) {
                    arrives = PgTypes.declared(c.type());
                }
                assertThat(stored).as("source %s", source).isEqualTo(normalize(arrives));
            }));
            tests.add(DynamicTest.dynamicTest(c.name() + ": values, in a table of its own", () -> {
                assertThat(table("t_" + c.name()).error()).isEmpty();
                String sql = "SELECT id, %s::text FROM " + own(c) + " ORDER BY id";
                assertThat(rows(h.destination, sql.formatted(PgNames.quote(c.name()))))
                        .isEqualTo(rows(h.source, sql.formatted(sourceExpression(c))));
            }));
        }
        tests.add(DynamicTest.dynamicTest("every_type: every column in one table", () -> {
            assertThat(table("every_type").error()).isEmpty();
            String sql = "SELECT id, %s FROM every_type ORDER BY id";
            assertThat(rows(h.destination, sql.formatted(EveryType.COLUMNS.stream()
                    .map(c -> PgNames.quote(c.name()) + "::text").collect(Collectors.joining(", ")))))
                    .isEqualTo(rows(h.source, sql.formatted(EveryType.COLUMNS.stream()
                            .map(c -> sourceExpression(c) + "::text").collect(Collectors.joining(", ")))));
        }));
        return tests.stream();
    }

    /** The source expression whose text the destination's value has. */
    private static String sourceExpression(EveryType.Col c) {
        String q = PgNames.quote(c.name());
        String arrives = ARRIVES_AS.get(c.name());
        return arrives != null && arrives.contains("%") ? String.format(arrives, q) : q;
    }

    private static TableReport table(String name) {
        return PgSyncHarness.table(report, name);
    }

    private static String normalize(String type) {
        return switch (type) {
            case "time" -> "time without time zone";
            case "timestamp" -> "timestamp without time zone";
            case "varchar(5)" -> "character varying(5)";
            default -> type;
        };
    }

    private static String type(PgTestDatabase db, String table, String column) {
        List<List<String>> r = rows(db, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = "
                + SqlLiterals.quote(PgNames.quote(table)) + "::regclass AND attname = " + SqlLiterals.quote(column));
        assertThat(r).as("column %s of %s", column, table).hasSize(1);
        return r.get(0).get(0);
    }
}
