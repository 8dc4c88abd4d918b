package dev.sluice.cli.faults;

import java.sql.SQLException;
import java.util.Optional;

/** A source and destination pair crash rounds run against, with the checks of what the tables must hold. */
interface CrashCase {
    /** The source's name: its "source NAME: run" log line and its lease key. */
    String source();

    String describe();

    /** The config of round {@code round} (1-based); the source may change between rounds. */
    String config(int round) throws SQLException;

    /** The value of {@code key} in the source's state table, where cursors and the lease live. */
    Optional<String> stateValue(String key) throws SQLException;

    /** What must hold at any moment, right after a kill too: no duplicates, cursor not ahead of its rows. */
    Findings checkAnyTime() throws SQLException;

    /** After the sync of {@code round} completed: the tables hold exactly what the source has. */
    Findings checkComplete(int round) throws SQLException;
}
