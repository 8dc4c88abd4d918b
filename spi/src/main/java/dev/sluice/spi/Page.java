package dev.sluice.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a table.
 *
 * @param rows      rows aligned with {@link Table#columns()}; may be empty
 * @param nextToken the resume token of the next page; empty when the table (partition) is done
 * @param cursor    for an incremental table, the cursor covering every row up to and
 *                  including this page (empty if it did not move)
 */
public record Page(List<Object[]> rows, Optional<String> nextToken, Optional<String> cursor) {
    public Page {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(nextToken, "nextToken");
        Objects.requireNonNull(cursor, "cursor");
    }

    public static Page last(List<Object[]> rows) {
        return new Page(rows, Optional.empty(), Optional.empty());
    }
}
