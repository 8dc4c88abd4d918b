package dev.sluice.connector.aws;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A page of one table in one scope, and the token of the next page (empty after the last). */
record AwsPage(List<Object[]> rows, Optional<String> next) {
    AwsPage {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(next, "next");
    }

    /** A page whose next token is the service's, which is absent (null) or empty after the last page. */
    static AwsPage of(List<Object[]> rows, String serviceToken) {
        return new AwsPage(rows, Optional.ofNullable(serviceToken).filter(t -> !t.isEmpty()));
    }

    /**
     * {@code size}, checked against what one page of {@code call} may hold
     * ({@code min} to {@code max} {@code things}).
     *
     * @throws IllegalArgumentException naming the call and the bounds
     */
    static int size(String call, String things, int min, int max, int size) {
        if (size < min || size > max) {
            throw new IllegalArgumentException(call + " pages hold " + min + " to " + max + " " + things + ", not " + size);
        }
        return size;
    }
}
