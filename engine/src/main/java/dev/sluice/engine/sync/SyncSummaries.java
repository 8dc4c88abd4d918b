package dev.sluice.engine.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.engine.config.PkMode;
import dev.sluice.engine.config.SourceSpec;
import dev.sluice.engine.config.WriteMode;
import dev.sluice.engine.schema.DestinationSchemas;
import dev.sluice.engine.schema.InternalColumns;
import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.ObjectName;
import dev.sluice.spi.ObjectWriter;
import dev.sluice.spi.OpenObject;
import dev.sluice.spi.Table;
import dev.sluice.spi.TableSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sync summaries: CloudQuery's {@code cloudquery_sync_summaries} table (a row per source and
 * destination, for destinations with {@code send_sync_summary}) and the JSON lines of
 * {@code --summary-location}. Both carry the same fields.
 */
public final class SyncSummaries {
    public static final String TABLE = "cloudquery_sync_summaries";
    public static final String VERSION = "sluice-" + java.util.Optional.ofNullable(
            SyncSummaries.class.getPackage().getImplementationVersion()).orElse("dev");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<Column> COLUMNS = List.of(
            Column.of("sync_id", ColumnType.STRING),
            Column.of("cli_version", ColumnType.STRING),
            Column.of("source_name", ColumnType.STRING),
            Column.of("source_path", ColumnType.STRING),
            Column.of("source_version", ColumnType.STRING),
            Column.of("source_tables", ColumnType.STRING_LIST),
            Column.of("resources", ColumnType.INT64),
            Column.of("source_errors", ColumnType.INT64),
            Column.of("source_warnings", ColumnType.INT64),
            Column.of("destination_name", ColumnType.STRING),
            Column.of("destination_path", ColumnType.STRING),
            Column.of("destination_version", ColumnType.STRING),
            Column.of("destination_errors", ColumnType.INT64),
            Column.of("destination_warnings", ColumnType.INT64),
            Column.of("sync_group_id", ColumnType.STRING),
            Column.of("status", ColumnType.STRING),
            Column.of("resources_per_table", ColumnType.JSON),
            Column.of("errors_per_table", ColumnType.JSON),
            Column.of("durations_per_table_ms", ColumnType.JSON));

    private SyncSummaries() {
    }

    public static TableSchema schema() {
        return DestinationSchemas.of(Table.of(TABLE, "One row per sync of a source into a destination.", COLUMNS),
                WriteMode.APPEND, PkMode.DEFAULT);
    }

    /** The summary of {@code report} as written to {@code destination}, by column name. */
    public static Map<String, Object> fields(SourceSpec source, SourceReport report, PreparedDestination destination) {
        Map<String, Object> f = new LinkedHashMap<>();
        Map<String, Object> rows = new LinkedHashMap<>();
        Map<String, Object> errors = new LinkedHashMap<>();
        Map<String, Object> durations = new LinkedHashMap<>();
        for (TableReport t : report.tables()) {
            rows.put(t.table(), t.rowsIn(destination.name())); // what this destination received
            errors.put(t.table(), t.errors());
            durations.put(t.table(), t.duration().toMillis());
        }
        f.put("sync_id", report.run().id());
        f.put("cli_version", VERSION);
        f.put("source_name", source.name());
        f.put("source_path", source.path());
        f.put("source_version", source.version());
        f.put("source_tables", report.tables().stream().map(TableReport::table).toList());
        f.put("resources", report.tables().stream().mapToLong(t -> t.rowsIn(destination.name())).sum());
        f.put("source_errors", report.errors());
        f.put("source_warnings", 0L);
        f.put("destination_name", destination.name());
        f.put("destination_path", destination.spec().path());
        f.put("destination_version", destination.spec().version());
        f.put("destination_errors", 0L);
        f.put("destination_warnings", 0L);
        f.put("sync_group_id", destination.spec().syncGroupId().orElse(null));
        f.put("status", report.status().name());
        f.put("resources_per_table", json(rows));
        f.put("errors_per_table", json(errors));
        f.put("durations_per_table_ms", json(durations));
        return f;
    }

    /** Writes the summary row into a destination that asked for it. */
    public static void write(SourceSpec source, SourceReport report, PreparedDestination destination) {
        Map<String, Object> f = fields(source, report, destination);
        TableSchema schema = schema();
        Object[] row = new Object[schema.columns().size()];
        row[InternalColumns.SYNC_TIME_INDEX] = report.run().syncTime();
        row[InternalColumns.SOURCE_NAME_INDEX] = source.name();
        row[InternalColumns.ID_INDEX] = UUID.nameUUIDFromBytes((report.run().id() + "/" + destination.name()).getBytes(StandardCharsets.UTF_8));
        for (int i = InternalColumns.COUNT; i < row.length; i++) {
            row[i] = f.get(schema.columns().get(i).name());
        }
        List<Object[]> rows = java.util.Collections.singletonList(row);
        Optional<ObjectWriter> objects = destination.destination().objects();
        if (objects.isEmpty()) {
            destination.destination().write(schema, rows);
            return;
        }
        // one object per run and destination, named after the row: a retry replaces it
        OpenObject object = objects.get().begin(schema, new ObjectName((UUID) row[InternalColumns.ID_INDEX],
                report.run().id(), report.run().syncTime(), true));
        try {
            object.append(rows);
            object.seal();
        } catch (RuntimeException e) {
            object.abort();
            throw e;
        }
    }

    /** Appends one JSON line per (source, destination) to {@code file}, creating it and its directory. */
    public static void appendJsonLines(Path file, List<PreparedSource> sources, SyncReport report) {
        List<String> lines = new ArrayList<>();
        for (SourceReport r : report.sources()) {
            PreparedSource s = sources.stream().filter(p -> p.name().equals(r.run().sourceName())).findFirst().orElseThrow();
            for (PreparedDestination d : s.destinations()) {
                Map<String, Object> f = fields(s.spec(), r, d);
                f.put("sync_time", r.run().syncTime().toString());
                lines.add(json(f));
            }
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the summary to " + file + ": " + e.getMessage(), e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
