package dev.sluice.connector.postgresql.destination;

import dev.sluice.connector.postgresql.PgSession;
import dev.sluice.connector.postgresql.PgNames;
import dev.sluice.spi.TableSchema;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes a batch in one transaction with binary COPY:
 * <ul>
 *   <li>primary key (overwrite modes): COPY into a temporary staging table, then
 *       {@code INSERT … SELECT … ON CONFLICT (pk) DO UPDATE} (one row per key, the batch's last);</li>
 *   <li>unique key only (append): COPY straight into the table; if a row's unique key is already
 *       stored (a replayed page), the COPY is undone to a savepoint and the batch goes through
 *       staging with {@code ON CONFLICT DO NOTHING}, so a replay adds nothing;</li>
 *   <li>no key: COPY straight in.</li>
 * </ul>
 */
final class PgWriter {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SAVEPOINT = "sluice_append";

    private PgWriter() {
    }

    /** @param stored the stored table's shape: columns left behind (set to NULL by an upsert), column types */
    static void write(PgSession session, TableSchema t, List<Object[]> rows, StoredShape stored) throws SQLException {
        if (!t.primaryKey().isEmpty()) {
            throughStaging(session, t, LastPerKey.of(t, rows), PgSql.upsertFrom(staging(session, t), t, stored.leftBehind()));
        } else if (t.uniqueKey().isEmpty()) {
            copy(session, t.name(), stored.columnTypes(), t, rows);
        } else {
            appendOnce(session, t, rows, stored);
        }
    }

    private static void appendOnce(PgSession session, TableSchema t, List<Object[]> rows, StoredShape stored)
            throws SQLException {
        session.execute("SAVEPOINT " + SAVEPOINT);
        try {
            copy(session, t.name(), stored.columnTypes(), t, rows);
            session.execute("RELEASE SAVEPOINT " + SAVEPOINT);
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            session.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
            throughStaging(session, t, rows, PgSql.insertNewFrom(staging(session, t), t));
        }
    }

    private static void throughStaging(PgSession session, TableSchema t, List<Object[]> rows, String merge)
            throws SQLException {
        copy(session, staging(session, t), StoredShape.declared(t), t, rows);
        session.execute(merge);
    }

    /** The session's staging table for {@code t}'s columns, created on first use. */
    private static String staging(PgSession session, TableSchema t) throws SQLException {
        String shape = t.name() + '\0' + t.columns().stream().map(c -> c.name() + ' ' + c.type())
                .collect(Collectors.joining("\0"));
        String name = "_sluice_stage_" + PgNames.hash(shape).substring(0, 24);
        session.once(name, PgSql.createStaging(name, t));
        return name;
    }

    private static void copy(PgSession session, String target, List<String> targetTypes, TableSchema t, List<Object[]> rows)
            throws SQLException {
        CopyIn in = session.connection().unwrap(PGConnection.class).getCopyAPI().copyIn(PgSql.copyIn(target, t.columns()));
        try {
            BinaryCopyEncoder encoder = new BinaryCopyEncoder(t.name(), t.columns(), targetTypes, in::writeToCopy);
            encoder.header();
            for (int i = 0; i < rows.size(); i++) {
                encoder.row(rows.get(i), i);
            }
            encoder.finish();
            in.endCopy();
        } finally {
            if (in.isActive()) {
                cancel(in);
            }
        }
    }

    private static void cancel(CopyIn in) {
        try {
            in.cancelCopy();
        } catch (SQLException e) {
            // the COPY failed already; the transaction rolls back and reports the first failure
        }
    }
}
