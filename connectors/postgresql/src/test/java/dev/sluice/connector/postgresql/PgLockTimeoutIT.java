package dev.sluice.connector.postgresql;

import static dev.sluice.connector.postgresql.PgSyncHarness.count;
import static dev.sluice.connector.postgresql.PgSyncHarness.execute;
import static dev.sluice.connector.postgresql.PgSyncHarness.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.sync.SyncReport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another session holds an ACCESS EXCLUSIVE lock on a destination table while a sync writes:
 * the table fails once lock_timeout has passed (not retried), naming the table and the
 * holder's pid and application_name; the other table syncs, and the locked one keeps its rows.
 */
class PgLockTimeoutIT {
    @TempDir
    Path dir;
    private PgSyncHarness h;

    @BeforeEach
    void databases() {
        h = new PgSyncHarness(dir);
        execute(h.source, "CREATE TABLE free (id bigint PRIMARY KEY, v text)", "CREATE TABLE held (id bigint PRIMARY KEY, v text)",
                "INSERT INTO free SELECT g, 'f' || g FROM generate_series(1, 2000) g",
                "INSERT INTO held SELECT g, 'h' || g FROM generate_series(1, 2000) g");
    }

    @AfterEach
    void dropDatabases() {
        h.close();
    }

    @Test
    void aHeldLockFailsItsTableWithinTheTimeoutNamingTheHolder() throws Exception {
        String config = h.config("", "overwrite-delete-stale", "lock_timeout: 2s\nstatement_timeout: 1m");
        assertThat(h.sync(config).succeeded()).isTrue();
        execute(h.source, "UPDATE held SET v = 'changed'", "UPDATE free SET v = 'changed'");

        try (Connection holder = h.destination.connect(); Statement st = holder.createStatement()) {
            st.execute("SET application_name = 'lock-holder'");
            int holderPid = pid(st);
            holder.setAutoCommit(false);
            st.execute("LOCK TABLE \"held\" IN ACCESS EXCLUSIVE MODE");

            SyncReport report = h.sync(config);

            assertThat(table(report, "free").failed()).as("%s", report).isFalse();
            assertThat(table(report, "held").failed()).as("%s", report).isTrue();
            assertThat(table(report, "held").error()).hasValueSatisfying(e -> assertThat(e)
                    .contains("table \"held\"").contains("lock timeout").contains("55P03")
                    .contains("lock_timeout (2s) for RowExclusiveLock on table held, blocked by pid " + holderPid).contains("application_name \"lock-holder\"")
                    .contains("idle in transaction").contains("last statement LOCK TABLE"));
            assertThat(table(report, "held").duration()).as("one wait of lock_timeout: not retried, not salvaged")
                    .isBetween(Duration.ofSeconds(2), Duration.ofMillis(3900));
            holder.rollback();
        }
        assertThat(count(h.destination, "SELECT count(*) FROM free WHERE v = 'changed'")).isEqualTo(2000);
        assertThat(count(h.destination, "SELECT count(*) FROM held WHERE v = 'changed'")).isZero();
        assertThat(count(h.destination, "SELECT count(*) FROM held")).as("the failed table keeps its rows").isEqualTo(2000);
        assertThat(h.sync(config).succeeded()).as("once the lock is gone").isTrue();
        assertThat(count(h.destination, "SELECT count(*) FROM held WHERE v = 'changed'")).isEqualTo(2000);
    }

    @Test
    void aRowLockedByAnOpenTransactionNamesThatTransactionsSession() throws Exception {
        String config = h.config("", "overwrite", "lock_timeout: 2s");
        assertThat(h.sync(config).succeeded()).isTrue();
        try (Connection holder = h.destination.connect(); Statement st = holder.createStatement()) {
            st.execute("SET application_name = 'row-editor'");
            int holderPid = pid(st);
            holder.setAutoCommit(false);
            st.execute("UPDATE \"held\" SET \"v\" = 'edited by hand' WHERE \"id\" = 7");

            SyncReport report = h.sync(config);

            assertThat(table(report, "free").failed()).as("%s", report).isFalse();
            assertThat(table(report, "held").error()).hasValueSatisfying(e -> assertThat(e)
                    .contains("table \"held\"").contains("55P03").contains("ShareLock on transaction")
                    .contains("blocked by pid " + holderPid).contains("application_name \"row-editor\"")
                    .contains("last statement UPDATE").doesNotContain("edited by hand"));
            holder.rollback();
        }
    }

    @Test
    void withLockTimeoutDisabledTheStatementTimeoutEndsTheWait() throws Exception {
        String config = h.config("", "overwrite", "lock_timeout: 0\nstatement_timeout: 2s");
        assertThat(h.sync(config).succeeded()).isTrue();
        try (Connection holder = h.destination.connect(); Statement st = holder.createStatement()) {
            int holderPid = pid(st);
            holder.setAutoCommit(false);
            st.execute("LOCK TABLE \"held\" IN ACCESS EXCLUSIVE MODE");

            SyncReport report = h.sync(config);

            assertThat(table(report, "free").failed()).as("%s", report).isFalse();
            assertThat(table(report, "held").error()).hasValueSatisfying(e -> assertThat(e)
                    .contains("table \"held\"").contains("statement timeout").contains("57014")
                    .contains("it was waiting for RowExclusiveLock on table held, blocked by pid " + holderPid));
            assertThat(table(report, "held").duration()).isBetween(Duration.ofSeconds(2), Duration.ofMillis(3900));
            holder.rollback();
        }
    }

    @Test
    void everySessionGetsTheConfiguredTimeouts() throws Exception {
        String config = h.config("", "overwrite", "lock_timeout: 1500ms\nstatement_timeout: 0");
        assertThat(h.sync(config).succeeded()).isTrue();
        assertThat(otherSessionsAfter(Duration.ofSeconds(5))).as("the sync closed its sessions, the lock watch's too").isZero();
        PgTimeouts t = dev.sluice.connector.postgresql.destination.PgDestinationConfig.parse(new dev.sluice.spi.Spec(
                java.util.Map.of("connection_string", h.destination.url(), "lock_timeout", "1500ms", "statement_timeout", 0)))
                .timeouts();
        try (PgPool pool = new PgPool(PgConnectionString.parse(h.destination.url(), "c"), t)) {
            String shown = pool.<String>transaction("show", s -> show(s, "lock_timeout") + " " + show(s, "statement_timeout"));
            assertThat(shown).isEqualTo("1500ms 0");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> pool.<Object>transaction("fail", s -> {
                s.execute("SELECT 1/0");
                return null;
            })).hasMessageContaining("division by zero");
            String after = pool.<String>transaction("show again after a rollback", s -> show(s, "lock_timeout"));
            assertThat(after).isEqualTo("1500ms");
        }
    }

    /** Sessions on the destination other than this one, waiting up to {@code patience} for closed ones to exit. */
    private long otherSessionsAfter(Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try (Connection c = h.destination.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                         + " AND pid <> pg_backend_pid()")) {
                rs.next();
                if (rs.getLong(1) == 0 || System.nanoTime() > deadline) {
                    return rs.getLong(1);
                }
            }
            Thread.sleep(50);
        }
    }

    private static String show(PgSession s, String setting) throws java.sql.SQLException {
        try (ResultSet rs = s.connection().createStatement().executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static int pid(Statement st) throws Exception {
        try (ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
