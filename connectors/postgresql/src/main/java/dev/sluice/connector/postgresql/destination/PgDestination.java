package dev.sluice.connector.postgresql.destination;

import dev.sluice.connector.postgresql.PgPool;
import dev.sluice.connector.postgresql.PgTypes;
import dev.sluice.connector.postgresql.PgValues;
import dev.sluice.spi.Column;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.Destination;
import dev.sluice.spi.MigrateMode;
import dev.sluice.spi.StateStore;
import dev.sluice.spi.TableSchema;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A PostgreSQL database as a destination, loading with binary COPY ({@link PgWriter}).
 * Each call is one transaction on a pooled connection ({@link PgPool}); a lost connection or
 * server restart surfaces as a transient failure the engine retries on a fresh connection.
 * Tables land in the first schema of the connection's search path, as CloudQuery's do.
 */
public final class PgDestination implements Destination {
    private static final String WITHOUT_ZONE = "timestamp without time zone";
    private final PgDestinationConfig config;
    private final PgPool pool;
    /** Per table schema, what writes need to know of its stored table (read once, forgotten at each migration). */
    private final Map<TableSchema, StoredShape> stored = new ConcurrentHashMap<>();

    public PgDestination(PgDestinationConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.pool = new PgPool(config.connection(), config.timeouts());
    }

    /** Connects once, so a wrong host, database or password fails here and not at the first write. */
    @Override
    public void open() {
        pool.check();
    }

    @Override
    public void migrate(List<TableSchema> tables, MigrateMode mode) {
        Objects.requireNonNull(mode, "mode");
        pool.transaction("migrate", s -> {
            new PgMigrator(s, config.createPerformanceIndexes()).migrate(tables, mode);
            return null;
        });
        stored.clear(); // the stored columns may have changed
    }

    @Override
    public void write(TableSchema table, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        pool.transaction("write to table \"" + table.name() + "\"", s -> {
            StoredShape shape = stored.get(table);
            if (shape == null) {
                shape = StoredShape.of(StoredPgTable.read(s.connection(), table.name()), table);
                stored.put(table, shape);
            }
            PgWriter.write(s, table, rows, shape);
            return null;
        });
    }

    @Override
    public long deleteStale(TableSchema table, String sourceName, Instant syncTime) {
        return deleteStale(table, sourceName, syncTime, Map.of());
    }

    @Override
    public long deleteStale(TableSchema table, String sourceName, Instant syncTime, Map<String, Object> scope) {
        Objects.requireNonNull(sourceName, "sourceName");
        // to the microsecond, dropping digits below it as rows' sync times are written
        Instant before = Objects.requireNonNull(syncTime, "syncTime").truncatedTo(ChronoUnit.MICROS);
        List<Column> scoped = Destination.scopeColumns(table, scope);
        return pool.transaction("delete stale rows of table \"" + table.name() + "\"", s -> {
            Optional<StoredPgTable> stored = StoredPgTable.read(s.connection(), table.name());
            boolean zoneless = stored.flatMap(t -> t.column(PgSql.SYNC_TIME))
                    .map(c -> c.type().equals(WITHOUT_ZONE)).orElse(false);
            List<String> scopeTypes = new ArrayList<>();
            for (Column c : scoped) {
                String type = stored.flatMap(t -> t.column(c.name())).map(StoredPgTable.StoredColumn::type)
                        .filter(t -> PgTypes.holds(t, c.type()))
                        .orElseThrow(() -> new ConnectorException("postgresql: delete-stale of table \"" + table.name()
                                + "\" scoped to column \"" + c.name() + "\": the stored table has no such "
                                + c.type().displayName() + " column (migrate first)"));
                scopeTypes.add(type);
            }
            String sql = PgSql.deleteStale(table.name(), zoneless ? WITHOUT_ZONE : "timestamp with time zone",
                    scoped.stream().map(Column::name).toList(), scopeTypes);
            try (PreparedStatement ps = s.connection().prepareStatement(sql)) {
                ps.setString(1, sourceName);
                ps.setObject(2, zoneless ? LocalDateTime.ofInstant(before, ZoneOffset.UTC)
                        : OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
                for (int i = 0; i < scoped.size(); i++) {
                    bindScope(ps, i + 3, scope.get(scoped.get(i).name()), scopeTypes.get(i).equals(WITHOUT_ZONE));
                }
                return (long) ps.executeUpdate();
            }
        });
    }

    /** A scope value (of a type {@link Destination#scopeColumns} allows) as the stored column compares it. */
    private static void bindScope(PreparedStatement ps, int index, Object value, boolean zoneless) throws SQLException {
        if (value instanceof String text) {
            ps.setString(index, ScalarSend.stripNul(text));
        } else if (value instanceof java.math.BigInteger big) {
            ps.setBigDecimal(index, new java.math.BigDecimal(big));
        } else if (value instanceof Instant instant) {
            Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
            ps.setObject(index, zoneless ? LocalDateTime.ofInstant(micros, ZoneOffset.UTC)
                    : OffsetDateTime.ofInstant(micros, ZoneOffset.UTC));
        } else if (value instanceof LocalDateTime local) {
            ps.setObject(index, local.truncatedTo(ChronoUnit.MICROS));
        } else {
            ps.setObject(index, value); // Boolean, Long, UUID, LocalDate
        }
    }

    @Override
    public Optional<StateStore> stateStore(String tableName) {
        return Optional.of(PgStateStore.open(pool, Objects.requireNonNull(tableName, "tableName")));
    }

    @Override
    public List<Object[]> readAll(TableSchema table) {
        List<Column> columns = table.columns();
        return pool.transaction("read table \"" + table.name() + "\"", s -> {
            if (StoredPgTable.read(s.connection(), table.name()).isEmpty()) {
                throw new ConnectorException("postgresql: table \"" + table.name() + "\" does not exist");
            }
            List<Object[]> out = new ArrayList<>();
            try (PreparedStatement ps = s.connection().prepareStatement(PgSql.selectAll(table));
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[columns.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = PgValues.read(rs, i + 1, table.name(), columns.get(i));
                    }
                    out.add(row);
                }
            }
            return out;
        });
    }

    @Override
    public void close() {
        pool.close();
    }
}
