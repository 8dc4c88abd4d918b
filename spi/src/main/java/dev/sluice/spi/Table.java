package dev.sluice.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table a source offers.
 *
 * @param name         the table's name (untrusted text; destinations quote it)
 * @param description  free text for {@code sluice tables}
 * @param columns      the source's columns, in order; rows are arrays aligned with them
 * @param cursorColumn for an incremental table, the column whose growing value is the cursor
 * @param children     child tables, fetched per parent row ({@link Source#fetchChildren})
 */
public record Table(String name, String description, List<Column> columns,
                    Optional<String> cursorColumn, List<Table> children) {
    public Table {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        columns = List.copyOf(columns);
        children = List.copyOf(children);
        Objects.requireNonNull(cursorColumn, "cursorColumn");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table " + name + " has no columns");
        }
        if (cursorColumn.isPresent() && columnIndex(columns, cursorColumn.get()) < 0) {
            throw new IllegalArgumentException("table " + name + ": cursor column " + cursorColumn.get() + " is not a column");
        }
        for (int i = 0; i < columns.size(); i++) {
            for (int j = i + 1; j < columns.size(); j++) {
                if (columns.get(i).name().equals(columns.get(j).name())) {
                    throw new IllegalArgumentException("table " + name + ": column " + columns.get(i).name() + " appears twice");
                }
            }
        }
    }

    public static Table of(String name, String description, List<Column> columns) {
        return new Table(name, description, columns, Optional.empty(), List.of());
    }

    public Table withChildren(List<Table> newChildren) {
        return new Table(name, description, columns, cursorColumn, newChildren);
    }

    public Table withCursor(String column) {
        return new Table(name, description, columns, Optional.of(column), children);
    }

    public boolean incremental() {
        return cursorColumn.isPresent();
    }

    public List<String> primaryKey() {
        List<String> pk = new ArrayList<>();
        for (Column c : columns) {
            if (c.primaryKey()) {
                pk.add(c.name());
            }
        }
        return pk;
    }

    /** Index of the named column, or -1. */
    public int columnIndex(String column) {
        return columnIndex(columns, column);
    }

    private static int columnIndex(List<Column> columns, String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    /** This table followed by all its descendants, depth first. */
    public List<Table> flatten() {
        List<Table> all = new ArrayList<>();
        all.add(this);
        for (Table child : children) {
            all.addAll(child.flatten());
        }
        return all;
    }
}
