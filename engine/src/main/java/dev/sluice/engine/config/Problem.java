package dev.sluice.engine.config;

import java.util.Objects;

/**
 * One thing wrong with a config. {@code origin} is null when the problem is about a file as a
 * whole (then {@code file} names it) or about the config as a whole (then both are null);
 * {@code field} is the dotted path from the document's root ({@code spec.write_mode}), or null.
 * Messages never quote the config's values (they may be secrets) beyond names, keys and enum values.
 */
public record Problem(Origin origin, String file, String field, String message) {
    public Problem {
        Objects.requireNonNull(message, "message");
        if (file == null && origin != null) {
            file = origin.file();
        }
    }

    /** A problem in a document, or about the config as a whole when {@code origin} is null. */
    public static Problem at(Origin origin, String field, String message) {
        return new Problem(origin, origin == null ? null : origin.file(), field, message);
    }

    public static Problem inFile(String file, String message) {
        return new Problem(null, file, null, message);
    }

    @Override
    public String toString() {
        StringBuilder where = new StringBuilder();
        if (origin != null) {
            where.append(origin);
        } else if (file != null) {
            where.append(file);
        }
        if (field != null && !field.isEmpty()) {
            where.append(where.isEmpty() ? "" : ", ").append("field ").append(field);
        }
        return where.isEmpty() ? message : where + ": " + message;
    }
}
