package dev.sluice.connector.postgresql.destination;

import dev.sluice.connector.postgresql.PgPool;
import dev.sluice.connector.postgresql.PgNames;
import static dev.sluice.connector.postgresql.PgNames.quote;

import dev.sluice.spi.StateEntry;
import dev.sluice.spi.StateStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * CloudQuery's state table {@code (key text PRIMARY KEY, value text, version numeric(20,0))}.
 * Compare-and-set is one conditional statement whose row count says who won, so it holds
 * against other processes as well as other threads.
 */
final class PgStateStore implements StateStore {
    private final PgPool pool;
    private final String table;

    private PgStateStore(PgPool pool, String table) {
        this.pool = pool;
        this.table = table;
    }

    /** Creates the state table if it is missing. */
    static PgStateStore open(PgPool pool, String table) {
        pool.transaction("create state table \"" + table + "\"", s -> {
            s.execute("CREATE TABLE IF NOT EXISTS " + quote(table)
                    + " (\"key\" text PRIMARY KEY, \"value\" text, \"version\" numeric(20,0))");
            return null;
        });
        return new PgStateStore(pool, table);
    }

    @Override
    public Optional<StateEntry> get(String key) {
        Objects.requireNonNull(key, "key");
        return pool.transaction("read state table \"" + table + "\"", s -> {
            try (PreparedStatement ps = s.connection().prepareStatement(
                    "SELECT \"value\", \"version\" FROM " + quote(table) + " WHERE \"key\" = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new StateEntry(key, Objects.toString(rs.getString(1), ""), rs.getLong(2)))
                            : Optional.<StateEntry>empty();
                }
            }
        });
    }

    @Override
    public boolean compareAndSet(String key, OptionalLong expectedVersion, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Objects.requireNonNull(value, "value");
        String sql = expectedVersion.isEmpty()
                ? "INSERT INTO " + quote(table) + " (\"key\", \"value\", \"version\") VALUES (?, ?, 1)"
                        + " ON CONFLICT (\"key\") DO NOTHING"
                : "UPDATE " + quote(table) + " SET \"value\" = ?, \"version\" = \"version\" + 1"
                        + " WHERE \"key\" = ? AND \"version\" = ?";
        return pool.transaction("write state table \"" + table + "\"", s -> {
            try (PreparedStatement ps = s.connection().prepareStatement(sql)) {
                if (expectedVersion.isEmpty()) {
                    ps.setString(1, key);
                    ps.setString(2, ScalarSend.stripNul(value));
                } else {
                    ps.setString(1, ScalarSend.stripNul(value));
                    ps.setString(2, key);
                    ps.setLong(3, expectedVersion.getAsLong());
                }
                return ps.executeUpdate() == 1;
            }
        });
    }
}
