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
}
