package dev.sluice.testkit;

import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.TableSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Builds {@link TableSchema}s the way the engine does: CloudQuery's internal columns
 * ({@code _cq_sync_time, _cq_source_name, _cq_id, _cq_parent_id}) first, then the table's own.
 *
 * <pre>{@code
 * TableSchema t = CqSchema.table("items").column("id", ColumnType.INT64).primaryKey("id").build();
 * Object[] row = CqSchema.row(syncTime, "src", UUID.randomUUID(), null, 7L);
 * }</pre>
 */
public final class CqSchema {
    public static final String SYNC_TIME = "_cq_sync_time";
    public static final String SOURCE_NAME = "_cq_source_name";
    public static final String ID = "_cq_id";
    public static final String PARENT_ID = "_cq_parent_id";

    /** The internal columns, in row order. */
    public static final List<Column> INTERNAL_COLUMNS = List.of(
            Column.of(SYNC_TIME, ColumnType.TIMESTAMP),
            Column.of(SOURCE_NAME, ColumnType.STRING),
            new Column(ID, ColumnType.UUID, false, true),
            Column.of(PARENT_ID, ColumnType.UUID));

    private CqSchema() {
    }

    /** A builder starting with the internal columns. */
    public static Builder table(String name) {
        return new Builder(name, true);
    }

    /** A builder without the internal columns. */
    public static Builder bare(String name) {
        return new Builder(name, false);
    }

    /** A row: the internal values followed by the table's own. */
    public static Object[] row(Instant syncTime, String sourceName, UUID id, UUID parentId, Object... values) {
        Object[] row = new Object[4 + values.length];
        row[0] = syncTime;
        row[1] = sourceName;
        row[2] = id;
        row[3] = parentId;
        System.arraycopy(values, 0, row, 4, values.length);
        return row;
    }

    /** Builds one {@link TableSchema}. */
    public static final class Builder {
        private final String name;
        private final List<Column> columns = new ArrayList<>();
        private List<String> primaryKey = List.of();
        private List<String> uniqueKey = List.of();

        private Builder(String name, boolean internal) {
            this.name = name;
            if (internal) {
                columns.addAll(INTERNAL_COLUMNS);
            }
        }

        public Builder column(Column column) {
            columns.add(column);
            return this;
        }

        public Builder columns(List<Column> more) {
            columns.addAll(more);
            return this;
        }

        public Builder column(String columnName, ColumnType type) {
            return column(Column.of(columnName, type));
        }

        public Builder notNullColumn(String columnName, ColumnType type) {
            return column(new Column(columnName, type, false, true));
        }

        /** Writes upsert on these columns (the engine's overwrite modes). */
        public Builder primaryKey(String... names) {
            primaryKey = Arrays.asList(names);
            return this;
        }

        /** Writes skip rows whose unique key is stored (the engine's append mode uses {@code _cq_id, _cq_sync_time}). */
        public Builder uniqueKey(String... names) {
            uniqueKey = Arrays.asList(names);
            return this;
        }

        /** The engine's append mode: no primary key, unique on ({@code _cq_id}, {@code _cq_sync_time}). */
        public Builder appendMode() {
            primaryKey = List.of();
            return uniqueKey(ID, SYNC_TIME);
        }

        public TableSchema build() {
            List<Column> marked = new ArrayList<>(columns.size());
            for (Column c : columns) {
                boolean pk = primaryKey.contains(c.name());
                marked.add(new Column(c.name(), c.type(), pk, c.notNull() || pk));
            }
            return new TableSchema(name, marked, primaryKey, uniqueKey);
        }
    }
}
