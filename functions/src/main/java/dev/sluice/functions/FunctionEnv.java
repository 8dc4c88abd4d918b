package dev.sluice.functions;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The environment variables the functions read (template.yaml sets them). */
record FunctionEnv(Map<String, String> env) {
    static final String CONFIG = "SLUICE_CONFIG";
    static final String RUNS_TABLE = "SLUICE_RUNS_TABLE";
    static final String CURSORS_TABLE = "SLUICE_CURSORS_TABLE";
    static final String WORK_QUEUE_URL = "SLUICE_WORK_QUEUE_URL";
    static final String FINALIZE_QUEUE_URL = "SLUICE_FINALIZE_QUEUE_URL";
    static final String TIME_MARGIN_SECONDS = "SLUICE_TIME_MARGIN_SECONDS";
    static final String STALL_MINUTES = "SLUICE_STALL_MINUTES";
    static final String DB_SECRET_ARN = "SLUICE_DB_SECRET_ARN";
    static final String MAX_RECEIVES = "SLUICE_MAX_RECEIVES";
    static final String FETCH_TIMEOUT_SECONDS = "SLUICE_FETCH_TIMEOUT_SECONDS";
    static final String VISIBILITY_TIMEOUT_SECONDS = "SLUICE_VISIBILITY_TIMEOUT_SECONDS";

    String required(String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set (template.yaml sets it)");
        }
        return v;
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    Duration timeMargin() {
        return Duration.ofSeconds(number(TIME_MARGIN_SECONDS, 60));
    }

    Duration stall() {
        return Duration.ofMinutes(number(STALL_MINUTES, 30));
    }

    /** The work queue's maxReceiveCount: the delivery after which a transient failure ends the item. */
    int maxReceives() {
        return (int) number(MAX_RECEIVES, 5);
    }

    /** The fetch function's timeout (template.yaml's FetchTimeout). */
    Duration fetchTimeout() {
        return Duration.ofSeconds(number(FETCH_TIMEOUT_SECONDS, 900));
    }

    /** The work queue's visibility timeout (template.yaml's, six times the fetch timeout). */
    Duration visibilityTimeout() {
        return Duration.ofSeconds(number(VISIBILITY_TIMEOUT_SECONDS, 5400));
    }

    private long number(String name, long defaultValue) {
        Optional<String> v = optional(name);
        try {
            return v.map(Long::parseLong).orElse(defaultValue);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("environment variable " + name + " must be a whole number, got \"" + v.get() + "\"");
        }
    }
}
