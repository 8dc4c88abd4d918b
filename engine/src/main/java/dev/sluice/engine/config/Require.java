package dev.sluice.engine.config;

import java.util.List;

/** Constructor checks shared by the spec records. */
final class Require {
    private Require() {
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static List<String> nonEmpty(List<String> values, String field) {
        List<String> copy = List.copyOf(values);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException(field + " must list at least one entry");
        }
        return copy;
    }
}
