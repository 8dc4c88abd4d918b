package dev.sluice.connector.postgresql.destination;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connector.postgresql.PgConnectionString;
import dev.sluice.connector.postgresql.PgPool;
import dev.sluice.connector.postgresql.PgTestDatabase;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.MigrateMode;
import dev.sluice.spi.TableSchema;
import dev.sluice.testkit.CqSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sessions run in UTC whatever the JVM's zone (pgjdbc announces the JVM's at startup), and
 * delete-stale is exact to the microsecond for {@code _cq_sync_time} declared either way:
 * {@code timestamp with time zone} (tables Sluice creates now) and {@code timestamp without
 * time zone} holding UTC (tables created before, and CloudQuery's). The JVM runs in a zone
 * far from UTC here, so a conversion through the session's zone would show.
 */
class PgSyncTimeIT {
    /** Digits below the microsecond, dropped on the way in; pgjdbc would round them up. */
    private static final Instant T = Instant.parse("2024-02-29T12:34:56.123456789Z");
    private static final String SOURCE = "src";

    private TimeZone jvmZone;
    private PgTestDatabase db;
    private PgDestination destination;

    @BeforeEach
    void farFromUtc() {
        jvmZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati")); // UTC+14
        db = PgTestDatabase.create();
        destination = new PgDestination(new PgDestinationConfig(PgConnectionString.parse(db.url(), "url"), true));
    }

    @AfterEach
    void restore() {
        destination.close();
        db.close();
        TimeZone.setDefault(jvmZone);
    }

    @Test
    void everyPooledSessionRunsInUtc() {
        try (PgPool pool = new PgPool(PgConnectionString.parse(db.url(), "url"))) {
            String zone = pool.transaction("zone", s -> {
                try (Statement st = s.connection().createStatement(); ResultSet rs = st.executeQuery("SHOW TimeZone")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(zone).isEqualTo("UTC");
        }
    }

    @Test
    void deleteStaleIsExactForATimestamptzSyncTime() throws SQLException {
        TableSchema t = table("with_zone", true);
        destination.migrate(List.of(t), MigrateMode.SAFE);
        assertThat(storedType("with_zone")).isEqualTo("timestamp with time zone");
        assertDeleteStaleIsExact(t);
    }

    @Test
    void deleteStaleIsExactForASyncTimeWithoutZoneThroughAnUpsert() throws SQLException {
        assertDeleteStaleIsExact(zonelessTable("old_keyed", true));
    }

    @Test
    void deleteStaleIsExactForASyncTimeWithoutZoneWrittenStraightIn() throws SQLException {
        assertDeleteStaleIsExact(zonelessTable("old_plain", false));
    }

    /** Rows a microsecond before, at and after the sync time (and a day before): only those before go. */
    private void assertDeleteStaleIsExact(TableSchema t) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        Instant[] times = {T.minusSeconds(86_400), T.minusNanos(1_000), T, T.plusNanos(1_000)};
        for (int i = 0; i < times.length; i++) {
            rows.add(CqSchema.row(times[i], SOURCE, new UUID(0, i), null, (long) i,
                    Arrays.asList(times[i], null)));
        }
        destination.write(t, rows);
        assertThat(syncTimes(t.name())).containsExactly("2024-02-28 12:34:56.123456", "2024-02-29 12:34:56.123455",
                "2024-02-29 12:34:56.123456", "2024-02-29 12:34:56.123457");

        assertThat(destination.deleteStale(t, SOURCE, T)).isEqualTo(2);
        assertThat(syncTimes(t.name())).containsExactly("2024-02-29 12:34:56.123456", "2024-02-29 12:34:56.123457");
        assertThat(destination.deleteStale(t, SOURCE, T)).isZero();
    }

    private static TableSchema table(String name, boolean keyed) {
        CqSchema.Builder b = CqSchema.table(name).column("id", ColumnType.INT64)
                .column("times", ColumnType.list(ColumnType.TIMESTAMP));
        return (keyed ? b.primaryKey("id") : b).build();
    }

    /** A table as Sluice created it before instants were declared with a zone; migrate keeps it. */
    private TableSchema zonelessTable(String name, boolean keyed) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + name + " (_cq_sync_time timestamp without time zone, _cq_source_name text,"
                    + " _cq_id uuid NOT NULL, _cq_parent_id uuid, id bigint" + (keyed ? " NOT NULL" : "")
                    + ", times timestamp without time zone[]" + (keyed ? ", CONSTRAINT " + name + "_cqpk PRIMARY KEY (id)" : "")
                    + ")");
        }
        TableSchema t = table(name, keyed);
        destination.migrate(List.of(t), MigrateMode.SAFE);
        assertThat(storedType(name)).isEqualTo("timestamp without time zone");
        return t;
    }

    /** The sync times and the first element of {@code times}, which must agree, as UTC text, in id order. */
    private List<String> syncTimes(String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            try (ResultSet rs = st.executeQuery("SELECT _cq_sync_time::timestamp::text, times[1]::timestamp::text FROM "
                    + table + " ORDER BY id")) {
                while (rs.next()) {
                    assertThat(rs.getString(2)).isEqualTo(rs.getString(1));
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private String storedType(String table) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '"
                     + table + "'::regclass AND attname = '_cq_sync_time'")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
