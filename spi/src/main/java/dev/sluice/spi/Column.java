package dev.sluice.spi;

import java.util.Objects;

/**
 * A column of a table as a source describes it, or as a destination receives it.
 *
 * @param name       the column's name, taken as untrusted text (destinations always quote it)
 * @param type       the value type
 * @param primaryKey part of the table's primary key
 * @param notNull    values are never null
 */
public record Column(String name, ColumnType type, boolean primaryKey, boolean notNull) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a column name must not be empty");
        }
        if (primaryKey) {
            notNull = true;
        }
    }

    public static Column of(String name, ColumnType type) {
        return new Column(name, type, false, false);
    }

    public static Column primaryKey(String name, ColumnType type) {
        return new Column(name, type, true, true);
    }

    public Column withPrimaryKey(boolean pk) {
        return new Column(name, type, pk, pk || notNull);
    }
}
