package dev.sluice.connector.postgresql.source;

import dev.sluice.connector.postgresql.PgConnectionString;
import dev.sluice.connector.postgresql.PgErrors;
import dev.sluice.spi.Page;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads relations that have neither a key nor blocks to page by (views, partitioned tables
 * without a key) a page at a time from a server-side cursor over a stable order: every row's
 * text, byte-wise ({@code ORDER BY (src.*)::text COLLATE "C"}). Rows that sort alike are alike
 * in every column, so the n-th row is the same in any query over unchanged data, and the
 * resume token, {@code rows:<n>:<reader>}, means "after the first n rows".
 * <p>
 * Within one process the cursor stays open between the pages of one read (the connection and
 * its transaction held, at most {@link #MAX_HELD} at a time), so the server sorts once and each
 * page costs one {@code FETCH}. A token this process does not hold open (the read continues in
 * another invocation, the held cursor was dropped, or a page is fetched again) opens a new
 * cursor over the same order and skips the first n rows on the server ({@code MOVE}): the sort
 * runs again, but no row is lost or read twice. Memory holds one page on this side; the server
 * sorts with its {@code work_mem}, spilling to disk. An abandoned cursor's transaction ends
 * after {@link #IDLE_TIMEOUT} idle ({@code idle_in_transaction_session_timeout}), so it never
 * holds back vacuum for long.
 */
final class HeldCursors implements AutoCloseable {
    static final int MAX_HELD = 8;
    static final String IDLE_TIMEOUT = "5min";
    private static final String TOKEN_PREFIX = "rows:";

    private final PgConnectionString connection;
    private final PageReader reader;
    /** Open cursors by table and partition, least recently used first. */
    private final LinkedHashMap<String, Held> held = new LinkedHashMap<>(16, 0.75f, true);

    /** Runs the page's query on a connection: FETCH from the cursor, reading each row as the table's columns. */
    interface PageReader {
        List<Object[]> fetch(Connection c, SourceTable t, String sql) throws SQLException;
    }

    private static final class Held {
        final Connection connection;
        final String id;
        long position;

        Held(Connection connection, String id) {
            this.connection = connection;
            this.id = id;
        }
    }

    HeldCursors(PgConnectionString connection, PageReader reader) {
        this.connection = connection;
        this.reader = reader;
    }

    Page fetch(SourceTable t, String partition, Optional<String> token, int pageSize) {
        String key = t.fullName() + "\u0000" + partition;
        long from = token.map(x -> position(x, t)).orElse(0L);
        String id = token.map(HeldCursors::readerId).orElse(UUID.randomUUID().toString());
        String fetch = "FETCH FORWARD " + pageSize + " FROM sluice_rows";
        Held h = take(key, id, from);
        try {
            List<Object[]> rows = h == null ? null : fetchHeld(h, t, fetch);
            if (rows == null) {
                h = open(t, id, from);
                rows = reader.fetch(h.connection, t, fetch);
            }
            h.position = from + rows.size();
            if (rows.size() < pageSize) {
                closeQuietly(h);
                return Page.last(rows);
            }
            put(key, h);
            return new Page(rows, Optional.of(TOKEN_PREFIX + h.position + ":" + h.id), Optional.empty());
        } catch (SQLException e) {
            closeQuietly(h);
            throw PgErrors.translate("postgresql: read " + t.fullName(), e, connection);
        } catch (RuntimeException | Error e) {
            closeQuietly(h);
            throw e;
        }
    }

    /** The next page from a held cursor; null when it is gone (idle timeout, lost connection): the caller reads afresh. */
    private List<Object[]> fetchHeld(Held h, SourceTable t, String fetch) {
        try {
            return reader.fetch(h.connection, t, fetch);
        } catch (SQLException e) {
            closeQuietly(h);
            return null;
        }
    }

    /** A new cursor over the stable order, moved past the first {@code from} rows. */
    private Held open(SourceTable t, String id, long from) throws SQLException {
        Connection c = connection.open();
        Held h = new Held(c, id);
        try {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute(PgSource.SESSION_SETTINGS);
                st.execute("SET idle_in_transaction_session_timeout = '" + IDLE_TIMEOUT + "'");
                st.execute("DECLARE sluice_rows NO SCROLL CURSOR FOR SELECT " + String.join(", ", t.select())
                        + " FROM " + t.qualifiedName() + " AS " + PageQuery.ALIAS
                        + " ORDER BY (" + PageQuery.ALIAS + ".*)::text COLLATE \"C\"");
                if (from > 0) {
                    st.execute("MOVE FORWARD " + from + " IN sluice_rows");
                }
            }
            return h;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(h);
            throw e;
        }
    }

    private synchronized Held take(String key, String id, long from) {
        Held h = held.remove(key);
        if (h != null && (!h.id.equals(id) || h.position != from)) {
            closeQuietly(h);
            return null;
        }
        return h;
    }

    private void put(String key, Held h) {
        List<Held> evicted = new ArrayList<>();
        synchronized (this) {
            held.put(key, h);
            Iterator<Map.Entry<String, Held>> oldest = held.entrySet().iterator();
            while (held.size() > MAX_HELD && oldest.hasNext()) {
                evicted.add(oldest.next().getValue());
                oldest.remove();
            }
        }
        evicted.forEach(HeldCursors::closeQuietly);
    }

    private static long position(String token, SourceTable t) {
        String[] parts = token.split(":", 3);
        try {
            if (parts.length == 3 && parts[0].equals("rows")) {
                long n = Long.parseLong(parts[1]);
                if (n >= 0) {
                    return n;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw PageToken.notForThisTable(token, t);
    }

    private static String readerId(String token) {
        return token.split(":", 3)[2];
    }

    private static void closeQuietly(Held h) {
        if (h == null) {
            return;
        }
        try {
            h.connection.close(); // ends the transaction and its cursor
        } catch (SQLException ignored) {
            // being discarded
        }
    }

    @Override
    public void close() {
        List<Held> all;
        synchronized (this) {
            all = new ArrayList<>(held.values());
            held.clear();
        }
        all.forEach(HeldCursors::closeQuietly);
    }
}
