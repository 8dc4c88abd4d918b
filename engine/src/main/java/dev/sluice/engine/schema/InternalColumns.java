package dev.sluice.engine.schema;

import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import java.util.List;

/**
 * CloudQuery's internal columns, first in every destination row:
 * {@code _cq_sync_time, _cq_source_name, _cq_id, _cq_parent_id}.
 */
public final class InternalColumns {
    public static final String SYNC_TIME = "_cq_sync_time";
    public static final String SOURCE_NAME = "_cq_source_name";
    public static final String ID = "_cq_id";
    public static final String PARENT_ID = "_cq_parent_id";

    public static final int SYNC_TIME_INDEX = 0;
    public static final int SOURCE_NAME_INDEX = 1;
    public static final int ID_INDEX = 2;
    public static final int PARENT_ID_INDEX = 3;
    /** Source columns start at this index in a destination row. */
    public static final int COUNT = 4;

    public static final List<Column> COLUMNS = List.of(
            Column.of(SYNC_TIME, ColumnType.TIMESTAMP),
            Column.of(SOURCE_NAME, ColumnType.STRING),
            new Column(ID, ColumnType.UUID, false, true),
            Column.of(PARENT_ID, ColumnType.UUID));

    private InternalColumns() {
    }

    public static boolean isInternal(String column) {
        return column.startsWith("_cq_");
    }
}
