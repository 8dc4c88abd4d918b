package dev.sluice.connector.postgresql.source;

import dev.sluice.connector.postgresql.PgConnectionString;
import dev.sluice.spi.ConfigProblems;
import dev.sluice.spi.Spec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The PostgreSQL source's spec.
 *
 * @param tables           globs over {@code schema.table} ({@code *} and {@code ?}); a glob
 *                         without a dot means a table of {@code public}; default {@code public.*}
 * @param pageSize         rows per page (and per keyset query)
 * @param incremental      {@code schema.table} → cursor column: these tables sync only rows newer
 *                         than the stored cursor, in cursor order
 * @param rowsPerPartition a keyed table with a single integer key and more (estimated) rows than
 *                         this splits into key ranges, each its own work item
 */
public record PgSourceConfig(PgConnectionString connection, List<TableGlob> tables, int pageSize,
                             Map<String, String> incremental, long rowsPerPartition) {
    public static final String CONNECTION_STRING = "connection_string";
    public static final String TABLES = "tables";
    public static final String PAGE_SIZE = "page_size";
    public static final String INCREMENTAL = "incremental";
    public static final String ROWS_PER_PARTITION = "rows_per_partition";
    public static final String PGX_LOG_LEVEL = "pgx_log_level";

    public PgSourceConfig {
        Objects.requireNonNull(connection, "connection");
        tables = List.copyOf(tables);
        incremental = Map.copyOf(incremental);
    }

    /** Parses the spec, reporting every problem at once. */
    public static PgSourceConfig parse(Spec spec) {
        ConfigProblems problems = new ConfigProblems();
        problems.check(() -> spec.requireOnly(Set.of(CONNECTION_STRING, TABLES, PAGE_SIZE, INCREMENTAL, ROWS_PER_PARTITION,
                PGX_LOG_LEVEL)));
        problems.check(() -> spec.optionalString(PGX_LOG_LEVEL));
        List<String> patterns = problems.check(() -> spec.strings(TABLES, List.of("public.*")), null);
        if (patterns != null && patterns.isEmpty()) {
            problems.add(TABLES, "must name at least one table glob, such as public.*");
        }
        List<TableGlob> globs = patterns == null ? List.of() : patterns.stream().map(TableGlob::parse).toList();
        Map<String, String> incremental = new LinkedHashMap<>();
        problems.check(() -> spec.child(INCREMENTAL), Spec.empty()).asMap().forEach((table, column) -> {
            if (!(column instanceof String c) || c.isBlank()) {
                problems.add(INCREMENTAL + "." + table, "must name the table's cursor column");
            } else {
                incremental.put(TableGlob.qualified(table), c);
            }
        });
        PgConnectionString connection = problems.check(
                () -> PgConnectionString.parse(spec.string(CONNECTION_STRING), CONNECTION_STRING), null);
        int pageSize = (int) (long) problems.check(() -> spec.integer(PAGE_SIZE, 10_000, 1, 1_000_000), 10_000L);
        long perPartition = problems.check(() -> spec.integer(ROWS_PER_PARTITION, 1_000_000, 1, Long.MAX_VALUE), 1_000_000L);
        problems.throwIfAny();
        return new PgSourceConfig(connection, globs, pageSize, incremental, perPartition);
    }
}
