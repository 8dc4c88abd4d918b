package dev.sluice.engine.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Which columns make a destination table's primary key, as CloudQuery's {@code pk_mode} (default {@code default}). */
public enum PkMode {
    /** The source table's primary key (or {@code _cq_id} when it has none). */
    DEFAULT("default"),
    /** {@code _cq_id} only. */
    CQ_ID_ONLY("cq-id-only");

    private final String configName;

    PkMode(String configName) {
        this.configName = configName;
    }

    /** The value as written in a config file. */
    public String configName() {
        return configName;
    }

    /** The mode a config value names (exact, case-sensitive, as CloudQuery), or empty. */
    public static Optional<PkMode> parse(String value) {
        return Arrays.stream(values()).filter(m -> m.configName.equals(value)).findFirst();
    }

    /** Every config value, in declaration order. */
    public static List<String> configNames() {
        return Arrays.stream(values()).map(PkMode::configName).toList();
    }
}
