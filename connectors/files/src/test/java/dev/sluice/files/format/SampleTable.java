package dev.sluice.files.format;

import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.TableSchema;
import dev.sluice.testkit.TypeSamples;
import dev.sluice.testkit.TypeSamples.Sample;
import java.util.ArrayList;
import java.util.List;

/**
 * A table of every {@link TypeSamples} column and an {@code id} column first: row {@code r} holds
 * each sample's value {@code r}, or null past its last value (every sample ends with a null).
 */
final class SampleTable {
    static final List<Sample> SAMPLES = TypeSamples.all();
    static final TableSchema TABLE = table();

    private SampleTable() {
    }

    static List<Object[]> rows() {
        int count = SAMPLES.stream().mapToInt(s -> s.values().size()).max().orElseThrow();
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            Object[] row = new Object[SAMPLES.size() + 1];
            row[0] = (long) r;
            for (int c = 0; c < SAMPLES.size(); c++) {
                List<Object> values = SAMPLES.get(c).values();
                row[c + 1] = r < values.size() ? values.get(r) : null;
            }
            rows.add(row);
        }
        return rows;
    }

    private static TableSchema table() {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.primaryKey("id", ColumnType.INT64));
        for (Sample s : SAMPLES) {
            columns.add(Column.of(s.column(), s.type()));
        }
        return new TableSchema("type_samples", columns, List.of("id"), List.of());
    }
}
