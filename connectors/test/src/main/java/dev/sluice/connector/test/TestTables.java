package dev.sluice.connector.test;

import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.Table;
import java.util.ArrayList;
import java.util.List;

/** The test source's tables: one with a column of each common type, a child table, an incremental table. */
final class TestTables {
    static final String SOME = "test_some_table";
    static final String SUB = "test_sub_table";
    static final String INCREMENTAL = "test_incremental_table";

    private TestTables() {
    }

    static Table someTable() {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.primaryKey("id", ColumnType.INT64));
        columns.add(Column.of("generation", ColumnType.INT64));
        columns.add(Column.of("bool_col", ColumnType.BOOL));
        columns.add(Column.of("int64_col", ColumnType.INT64));
        columns.add(Column.of("uint64_col", ColumnType.UINT64));
        columns.add(Column.of("float64_col", ColumnType.FLOAT64));
        columns.add(Column.of("string_col", ColumnType.STRING));
        columns.add(Column.of("bytes_col", ColumnType.BYTES));
        columns.add(Column.of("timestamp_col", ColumnType.TIMESTAMP));
        columns.add(Column.of("uuid_col", ColumnType.UUID));
        columns.add(Column.of("json_col", ColumnType.JSON));
        columns.add(Column.of("string_list_col", ColumnType.STRING_LIST));
        columns.add(Column.of("int64_list_col", ColumnType.INT64_LIST));
        return Table.of(SOME, "One row per id, with a column of each of CloudQuery's common types; ids ending in 9 exist only in even generations.",
                columns).withChildren(List.of(subTable()));
    }

    static Table subTable() {
        return Table.of(SUB, "num_sub_rows rows per row of test_some_table.", List.of(
                Column.primaryKey("parent_id", ColumnType.INT64),
                Column.primaryKey("idx", ColumnType.INT64),
                Column.of("generation", ColumnType.INT64),
                Column.of("value", ColumnType.STRING)));
    }

    static Table incrementalTable() {
        return Table.of(INCREMENTAL, "Incremental on updated_at: each generation adds num_rows rows newer than all before.", List.of(
                Column.primaryKey("id", ColumnType.INT64),
                Column.of("updated_at", ColumnType.TIMESTAMP),
                Column.of("generation", ColumnType.INT64),
                Column.of("value", ColumnType.STRING))).withCursor("updated_at");
    }
}
