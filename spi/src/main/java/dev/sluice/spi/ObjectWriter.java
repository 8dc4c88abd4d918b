package dev.sluice.spi;

/**
 * The capability of a destination that stores rows in immutable objects (files, S3 objects)
 * rather than tables ({@link Destination#objects()}). The engine decides where an object
 * begins and ends: it begins at a page, ends only between pages (at {@code batch_size} rows
 * or {@code batch_size_bytes}, when a work item stops, and before a cursor is committed), and
 * is named so that writing the same pages again replaces it instead of adding a copy.
 */
public interface ObjectWriter {

    /** Begins the object {@code name} of {@code table}; nothing is visible until it is sealed. */
    OpenObject begin(TableSchema table, ObjectName name);

    /**
     * Called once for a table that a work item read from its start to its end without any row:
     * a destination that writes empty objects for empty tables writes one named {@code name};
     * the default writes nothing.
     */
    default void emptyTable(TableSchema table, ObjectName name) {
    }
}
