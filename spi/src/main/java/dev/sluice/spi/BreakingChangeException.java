package dev.sluice.spi;

/**
 * A migration in {@link MigrateMode#SAFE} found a change it cannot apply without losing data.
 * The message names the table, the column and the change.
 */
public class BreakingChangeException extends ConnectorException {
    private final String table;
    private final String column;
    private final String change;

    public BreakingChangeException(String table, String column, String change) {
        super("table \"" + table + "\", column \"" + column + "\": " + change
                + " is a breaking change; migrate_mode: safe refuses it (use migrate_mode: forced to drop and recreate the table)");
        this.table = table;
        this.column = column;
        this.change = change;
    }

    public String table() {
        return table;
    }

    public String column() {
        return column;
    }

    public String change() {
        return change;
    }
}
