package dev.sluice.engine.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How a destination writes rows, as CloudQuery's {@code write_mode} (default {@code overwrite-delete-stale}). */
public enum WriteMode {
    /** Insert every row; nothing is replaced or deleted. */
    APPEND("append"),
    /** Upsert on the primary key; rows a sync did not see stay. */
    OVERWRITE("overwrite"),
    /** Upsert on the primary key, then delete the rows of this source an earlier sync wrote. */
    OVERWRITE_DELETE_STALE("overwrite-delete-stale");

    private final String configName;

    WriteMode(String configName) {
        this.configName = configName;
    }

    /** The value as written in a config file. */
    public String configName() {
        return configName;
    }

    /** The mode a config value names (exact, case-sensitive, as CloudQuery), or empty. */
    public static Optional<WriteMode> parse(String value) {
        return Arrays.stream(values()).filter(m -> m.configName.equals(value)).findFirst();
    }

    /** Every config value, in declaration order. */
    public static List<String> configNames() {
        return Arrays.stream(values()).map(WriteMode::configName).toList();
    }
}
