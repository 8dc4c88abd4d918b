package dev.sluice.files.format;

import dev.sluice.spi.Column;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.TableSchema;

/** The checks every encoder makes of a row and its values, and the error naming what failed. */
final class Cells {
    private Cells() {
    }

    /** Checks that {@code row} has a value for each column, and each value fits its column. */
    static void check(TableSchema table, Object[] row) {
        if (row.length != table.columns().size()) {
            throw new ConnectorException("table " + table.name() + ": a row has " + row.length + " values for "
                    + table.columns().size() + " columns");
        }
        for (int i = 0; i < row.length; i++) {
            Column column = table.columns().get(i);
            Object value = row[i];
            if (value == null) {
                if (column.notNull()) {
                    throw reject(table, column, "null in a column that is never null");
                }
            } else if (!column.type().accepts(value)) {
                throw reject(table, column, column.type().whyNot(value));
            }
        }
    }

    /** The error for a value of {@code column} that cannot be stored, and {@code why}. */
    static ConnectorException reject(TableSchema table, Column column, String why) {
        return new ConnectorException("table " + table.name() + ", column " + column.name() + ": " + why);
    }
}
