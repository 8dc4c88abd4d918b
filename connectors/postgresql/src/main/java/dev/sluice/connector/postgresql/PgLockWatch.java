package dev.sluice.connector.postgresql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Notices a transaction waiting for a lock. A few seconds into each transaction (and every
 * {@link #REPEAT} after), one side connection asks the server whom the session waits for
 * ({@code pg_blocking_pids}); if anyone, it logs who, so a stuck sync says why while it
 * waits, and remembers them, so the lock timeout's failure names the holder exactly (after the
 * timeout the session no longer waits, and the holder can no longer be told from other
 * sessions on the table). Reading the holders costs one query per transaction that lasts past
 * the first check, none otherwise. The check never fails the transaction it watches.
 */
final class PgLockWatch implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PgLockWatch.class.getName());
    static final Duration FIRST = Duration.ofSeconds(5);
    static final Duration REPEAT = Duration.ofSeconds(30);
    /** No earlier than this, however short the lock timeout: most transactions end sooner and cost no check. */
    static final Duration FLOOR = Duration.ofMillis(200);
    private static final Duration MONITOR_TIMEOUT = Duration.ofSeconds(5);
    private static final String BLOCKERS = "SELECT b.pid, b.application_name, b.state, b.query,"
            + " floor(extract(epoch FROM now() - b.xact_start))::bigint"
            + " FROM unnest(pg_blocking_pids(?)) AS blocker(pid) JOIN pg_stat_activity b ON b.pid = blocker.pid"
            + " ORDER BY b.pid";
    /** The lock a session waits for: its mode and what it locks (a table, or a row another transaction changed). */
    private static final String WAITING = "SELECT l.mode || CASE WHEN l.locktype = 'relation'"
            + " THEN ' on table ' || coalesce(l.relation::regclass::text, l.relation::text)"
            + " WHEN l.locktype = 'transactionid' THEN ' on transaction ' || l.transactionid || ' (a row it changed)'"
            + " ELSE ' on a ' || l.locktype END FROM pg_locks l WHERE l.pid = ? AND NOT l.granted LIMIT 1";

    private final PgConnectionString connection;
    private final PgTimeouts timeouts;
    private final Duration first;
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "sluice-pg-lock-watch");
        t.setDaemon(true);
        return t;
    });
    private Connection monitor; // used on the timer thread only, closed by close()

    PgLockWatch(PgConnectionString connection, PgTimeouts timeouts) {
        this.connection = connection;
        this.timeouts = timeouts;
        // halfway to the nearest timeout, so its failure can name the holder; 5 s at most, 200 ms at least
        Duration early = java.util.stream.Stream.of(timeouts.lockTimeout(), timeouts.statementTimeout())
                .flatMap(Optional::stream).filter(d -> !d.isZero()).map(d -> d.dividedBy(2))
                .filter(d -> d.compareTo(FIRST) < 0).min(Duration::compareTo).orElse(FIRST);
        this.first = early.compareTo(FLOOR) > 0 ? early : FLOOR;
        timer.setRemoveOnCancelPolicy(true); // most transactions end long before their first check
    }

    /** Watches session {@code pid} while it does {@code what}, until the returned watch is closed. */
    Watch start(String what, int pid) {
        Watch w = new Watch(what, pid, System.nanoTime());
        w.future = timer.scheduleWithFixedDelay(w::check, first.toMillis(), REPEAT.toMillis(), TimeUnit.MILLISECONDS);
        return w;
    }

    /** One transaction being watched. */
    final class Watch implements AutoCloseable {
        private final String what;
        private final int pid;
        private final long started;
        private volatile ScheduledFuture<?> future;
        private volatile String holders;
        private volatile String lock = "a lock";

        private Watch(String what, int pid, long started) {
            this.what = what;
            this.pid = pid;
            this.started = started;
        }

        /** Who held the lock this transaction last waited for, e.g. {@code pid 42 (application_name "psql", ...)}. */
        Optional<String> holders() {
            return Optional.ofNullable(holders);
        }

        /** For a lock-timeout failure: the timeout and whom the transaction waited for. */
        String lockTimeoutNote() {
            return "waited longer than lock_timeout (" + timeouts.describeLockTimeout() + ") for " + lock + ", blocked by "
                    + holders().orElse("a session that could not be identified in time");
        }

        /** For a statement-timeout failure: the lock the statement was waiting for, if it was. */
        String statementTimeoutNote() {
            return holders().map(h -> "it was waiting for " + lock + ", blocked by " + h).orElse("");
        }

        private void check() {
            try {
                List<String> found = blockers(pid);
                if (!found.isEmpty()) {
                    holders = String.join(", ", found);
                    waitingFor(pid).ifPresent(l -> lock = l);
                    long waited = Duration.ofNanos(System.nanoTime() - started).toSeconds();
                    LOG.log(System.Logger.Level.INFO, "postgresql: " + what + " has waited " + waited + " s for " + lock
                            + ", blocked by " + holders + "; lock_timeout " + timeouts.describeLockTimeout());
                }
            } catch (SQLException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "postgresql: cannot check the locks " + what + " waits for: "
                        + connection.scrub(e.getMessage()));
                closeMonitor();
            }
        }

        @Override
        public void close() {
            ScheduledFuture<?> f = future;
            if (f != null) {
                f.cancel(false);
            }
        }
    }

    private Optional<String> waitingFor(int pid) throws SQLException {
        try (PreparedStatement ps = monitor.prepareStatement(WAITING)) {
            ps.setInt(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private List<String> blockers(int pid) throws SQLException {
        if (monitor == null || monitor.isClosed()) {
            monitor = connection.open();
            try (var st = monitor.createStatement()) {
                st.execute("SET statement_timeout = " + MONITOR_TIMEOUT.toMillis()); // a stuck check must not stall the others
            }
        }
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = monitor.prepareStatement(BLOCKERS)) {
            ps.setInt(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add("pid " + rs.getInt(1) + " (application_name \"" + rs.getString(2) + "\", state \""
                            + rs.getString(3) + "\", " + command(rs.getString(4))
                            + (rs.getObject(5) == null ? "" : ", in a transaction open " + rs.getLong(5) + " s") + ")");
                }
            }
        }
        return out;
    }

    private static final java.util.Set<String> OBJECT_KINDS = java.util.Set.of("TABLE", "INDEX", "VIEW", "SCHEMA",
            "SEQUENCE", "DATABASE", "MATERIALIZED", "TYPE", "FUNCTION", "ROLE", "USER");

    /** The statement's command (e.g. {@code LOCK TABLE}, {@code UPDATE}), never its names or literals. */
    static String command(String query) {
        String[] words = query == null ? new String[0] : query.strip().toUpperCase(java.util.Locale.ROOT).split("[^A-Z_]+", 3);
        if (words.length == 0 || words[0].isEmpty()) {
            return "no statement yet";
        }
        String cmd = words.length > 1 && OBJECT_KINDS.contains(words[1]) ? words[0] + " " + words[1] : words[0];
        return "last statement " + cmd;
    }

    private void closeMonitor() {
        try {
            if (monitor != null) {
                monitor.close();
            }
        } catch (SQLException ignored) {
            // discarded anyway
        }
        monitor = null;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeMonitor();
    }
}
