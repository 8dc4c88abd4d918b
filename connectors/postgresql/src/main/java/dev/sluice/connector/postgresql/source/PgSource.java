package dev.sluice.connector.postgresql.source;

import dev.sluice.connector.postgresql.PgPool;
import dev.sluice.connector.postgresql.PgSession;
import dev.sluice.connector.postgresql.PgValues;
import dev.sluice.spi.Column;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.FetchRequest;
import dev.sluice.spi.Page;
import dev.sluice.spi.Source;
import dev.sluice.spi.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A PostgreSQL database as a source: ordinary and partitioned tables, views and materialized
 * views, each column read as the most faithful Sluice type ({@link SourceTypes}).
 * <ul>
 *   <li>Keyed tables read page by page in key order with keyset pagination (the token is the
 *       last key read, cast back to the key's types), so a page costs an index range scan
 *       wherever the item stopped; large tables with one integer key split into key ranges.
 *       Incremental tables read rows whose (cursor, key) is beyond the stored cursor, in that
 *       order, and report the last row's as the new cursor.</li>
 *   <li>Tables and materialized views without a key read by ranges of disk blocks (ctid): stable
 *       while the relation is not rewritten (VACUUM FULL, CLUSTER, REFRESH MATERIALIZED VIEW).</li>
 *   <li>Views and partitioned tables without a key have neither keys nor blocks: they read from a
 *       server-side cursor over a stable order of the rows' text ({@link HeldCursors}). In one
 *       process the cursor is held open between pages, so the server sorts once. When the read
 *       continues in another invocation (serverless, after a deadline), the new cursor sorts
 *       again and skips the rows already read: correct, at the cost of a second sort. Like every
 *       read of a table without a key, the pages are consistent only while the data does not
 *       change between invocations (a view over changing tables, or with volatile functions, may
 *       then lose or repeat rows at the boundary).</li>
 * </ul>
 * The partitions of a partitioned table are read through their parent only.
 */
public final class PgSource implements Source {
    /**
     * Settings every read runs under, whatever the server's or the JVM's defaults: values the
     * source hands over as text (ranges of timestamps, intervals inside JSON, key tokens) and
     * the order {@link HeldCursors} sorts by then do not depend on where Sluice runs.
     */
    static final String SESSION_SETTINGS = "SET TimeZone = 'UTC'; SET IntervalStyle = 'postgres'";
    /** Rows per block assumed when the table was never analyzed. */
    private static final double DEFAULT_ROWS_PER_BLOCK = 50;

    private final PgSourceConfig config;
    private final PgPool pool;
    private final HeldCursors cursors;
    private Map<String, SourceTable> tables;

    public PgSource(PgSourceConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.pool = new PgPool(config.connection());
        this.cursors = new HeldCursors(config.connection(), (c, t, sql) -> rows(c, t, new PageQuery(sql, List.of(), 0)).rows());
    }

    @Override
    public void open() {
        List<SourceTable> found = pool.transaction("discover tables", s -> SourceCatalog.discover(s.connection(), config));
        Map<String, SourceTable> byName = new LinkedHashMap<>();
        found.forEach(t -> byName.put(t.table().name(), t));
        tables = byName;
    }

    @Override
    public List<Table> tables() {
        return opened().values().stream().map(SourceTable::table).toList();
    }

    @Override
    public List<String> partitions(Table table) {
        SourceTable t = table(table);
        if (t.cursor().isPresent() || t.key().size() != 1 || !t.key().get(0).integer()) {
            return List.of("");
        }
        return pool.transaction("plan key ranges of " + t.fullName(), s -> {
            long estimated = single(s, "SELECT reltuples::bigint FROM pg_class WHERE oid = " + t.oid());
            if (estimated <= config.rowsPerPartition()) {
                return List.of("");
            }
            String k = t.key().get(0).quoted();
            try (PreparedStatement ps = s.connection().prepareStatement(
                    "SELECT min(" + k + "), max(" + k + ") FROM " + t.qualifiedName() + " AS " + PageQuery.ALIAS);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                int parts = (int) Math.min(1024, (estimated + config.rowsPerPartition() - 1) / config.rowsPerPartition());
                return rs.getObject(1) == null ? List.of("") : KeyRange.split(rs.getLong(1), rs.getLong(2), parts);
            }
        });
    }

    /** From the catalog's reltuples (as of the last ANALYZE or VACUUM); none for incremental or never-analyzed tables. */
    @Override
    public OptionalLong estimatedRows(Table table) {
        SourceTable t = table(table);
        if (t.cursor().isPresent() || !t.kind().hasBlocks()) {
            return OptionalLong.empty();
        }
        long n = pool.transaction("estimate rows of " + t.fullName(),
                s -> single(s, "SELECT reltuples::bigint FROM pg_class WHERE oid = " + t.oid()));
        return n < 0 ? OptionalLong.empty() : OptionalLong.of(n);
    }

    @Override
    public Page fetch(FetchRequest request) {
        SourceTable t = table(request.table());
        if (t.key().isEmpty() && !t.kind().hasBlocks()) {
            return cursors.fetch(t, request.partition(), request.resumeToken(), config.pageSize());
        }
        return pool.transaction("read " + t.fullName(), s -> {
            s.once(SESSION_SETTINGS, SESSION_SETTINGS);
            if (!t.key().isEmpty()) {
                return keyset(s, t, request);
            }
            return blocks(s, t, request.resumeToken().map(x -> PageToken.block(x, t)).orElse(0L));
        });
    }

    private Page keyset(PgSession s, SourceTable t, FetchRequest request) throws SQLException {
        int orderColumns = t.key().size() + (t.cursor().isPresent() ? 1 : 0);
        Optional<String> after = request.resumeToken().or(() -> t.cursor().isPresent() ? request.cursor() : Optional.empty());
        PageQuery q = PageQuery.keyset(t, after.map(x -> PageToken.decode(x, orderColumns, t.fullName())),
                KeyRange.parse(request.partition()), config.pageSize());
        Rows read = rows(s.connection(), t, q);
        Optional<String> last = read.lastOrder().map(PageToken::encode);
        Optional<String> next = read.rows().size() == config.pageSize() ? last : Optional.empty();
        return new Page(read.rows(), next, t.cursor().isPresent() ? last : Optional.empty());
    }

    private Page blocks(PgSession s, SourceTable t, long from) throws SQLException {
        long total;
        double perBlock = DEFAULT_ROWS_PER_BLOCK;
        try (PreparedStatement ps = s.connection().prepareStatement("SELECT pg_relation_size(oid)"
                + " / current_setting('block_size')::bigint, reltuples, relpages FROM pg_class WHERE oid = " + t.oid());
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            total = rs.getLong(1);
            if (rs.getDouble(2) > 0 && rs.getLong(3) > 0) {
                perBlock = rs.getDouble(2) / rs.getLong(3);
            }
        }
        long span = Math.max(1, (long) (config.pageSize() / perBlock));
        long to = from + span;
        List<Object[]> rows = rows(s.connection(), t, PageQuery.blocks(t, from, to)).rows();
        return new Page(rows, to < total ? Optional.of(Long.toString(to)) : Optional.empty(), Optional.empty());
    }

    /** The rows of a query, and the text of the ordering columns of the last. */
    private record Rows(List<Object[]> rows, Optional<List<String>> lastOrder) {
    }

    private static Rows rows(Connection c, SourceTable t, PageQuery q) throws SQLException {
        List<Column> columns = t.table().columns();
        List<Object[]> out = new ArrayList<>();
        List<String> lastOrder = null;
        try (PreparedStatement ps = c.prepareStatement(q.sql())) {
            for (int i = 0; i < q.parameters().size(); i++) {
                ps.setString(i + 1, q.parameters().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                PgValues.Reader[] readers = PgValues.readers(rs, t.table().name(), columns);
                while (rs.next()) {
                    Object[] row = new Object[readers.length];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = readers[i].read(rs);
                    }
                    out.add(row);
                    if (q.orderColumns() > 0) {
                        lastOrder = new ArrayList<>(q.orderColumns());
                        for (int i = 0; i < q.orderColumns(); i++) {
                            lastOrder.add(rs.getString(columns.size() + i + 1));
                        }
                    }
                }
            }
        }
        return new Rows(out, Optional.ofNullable(lastOrder));
    }

    private static long single(PgSession s, String sql) throws SQLException {
        try (PreparedStatement ps = s.connection().prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Map<String, SourceTable> opened() {
        if (tables == null) {
            throw new IllegalStateException("postgresql source: open() first");
        }
        return tables;
    }

    private SourceTable table(Table table) {
        SourceTable t = opened().get(table.name());
        if (t == null) {
            throw new ConnectorException("postgresql: no table " + table.name() + " in the source");
        }
        return t;
    }

    @Override
    public void close() {
        cursors.close();
        pool.close();
    }
}
