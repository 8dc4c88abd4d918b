package dev.sluice.engine.schema;

import dev.sluice.engine.config.PkMode;
import dev.sluice.engine.config.WriteMode;
import dev.sluice.spi.Column;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.Table;
import dev.sluice.spi.TableSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * How a source table is stored in a destination, per write mode and pk_mode.
 * <ul>
 *   <li>overwrite, overwrite-delete-stale: the table's primary key (or {@code _cq_id} with
 *       pk_mode cq-id-only or a table without one) and rows upsert on it;</li>
 *   <li>append: no primary key (CloudQuery drops it) and a unique key
 *       ({@code _cq_id}, {@code _cq_sync_time}) so a page written twice in one sync adds
 *       nothing, while each new sync adds its rows (every sync is a snapshot);</li>
 *   <li>append of an incremental table: the unique key is ({@code _cq_source_name},
 *       {@code _cq_id}, cursor column), a row version of one source, so a row fetched again by
 *       a later sync (its cursor was not committed before a crash) is not appended twice, while
 *       a new version of the row (a new cursor value) is, and so are the rows of another
 *       source with the same table and keys (their {@code _cq_id} is the same: it comes from
 *       the primary key).</li>
 * </ul>
 */
public final class DestinationSchemas {
    private DestinationSchemas() {
    }

    public static TableSchema of(Table table, WriteMode writeMode, PkMode pkMode) {
        List<Column> columns = new ArrayList<>(InternalColumns.COLUMNS.size() + table.columns().size());
        List<String> sourcePk = table.primaryKey();
        boolean keepSourcePk = writeMode != WriteMode.APPEND && pkMode == PkMode.DEFAULT && !sourcePk.isEmpty();
        boolean cqIdPk = writeMode != WriteMode.APPEND && !keepSourcePk;
        for (Column c : InternalColumns.COLUMNS) {
            columns.add(cqIdPk && c.name().equals(InternalColumns.ID) ? c.withPrimaryKey(true) : c);
        }
        for (Column c : table.columns()) {
            if (InternalColumns.isInternal(c.name())) {
                throw new ConnectorException("table " + table.name() + ": column " + c.name()
                        + " uses the _cq_ prefix reserved for internal columns");
            }
            columns.add(keepSourcePk ? c : c.withPrimaryKey(false));
        }
        List<String> primaryKey = keepSourcePk ? sourcePk : cqIdPk ? List.of(InternalColumns.ID) : List.of();
        List<String> uniqueKey = writeMode != WriteMode.APPEND ? List.of()
                : table.cursorColumn().map(cursor -> List.of(InternalColumns.SOURCE_NAME, InternalColumns.ID, cursor))
                        .orElse(List.of(InternalColumns.ID, InternalColumns.SYNC_TIME));
        return new TableSchema(table.name(), columns, primaryKey, uniqueKey);
    }
}
