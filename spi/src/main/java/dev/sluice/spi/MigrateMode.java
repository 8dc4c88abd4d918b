package dev.sluice.spi;

/** How a destination applies schema changes, as CloudQuery's {@code migrate_mode}. */
public enum MigrateMode {
    /** Create tables and add nullable columns; refuse anything else. */
    SAFE,
    /** Like SAFE, but a breaking change drops and recreates the table. */
    FORCED
}
