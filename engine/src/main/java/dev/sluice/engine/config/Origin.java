package dev.sluice.engine.config;

import java.util.Objects;

/**
 * Where a source or destination was defined: a file as the user named it and the number of
 * its {@code ---}-separated document, counting from 1 (empty documents keep their number).
 */
public record Origin(String file, int document) {
    public Origin {
        Objects.requireNonNull(file, "file");
        if (document < 1) {
            throw new IllegalArgumentException("document numbers start at 1, got " + document);
        }
    }

    @Override
    public String toString() {
        return file + ", document " + document;
    }
}
