package dev.sluice.connector.test;

import dev.sluice.spi.ConfigException;
import dev.sluice.spi.Spec;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The test source's spec.
 *
 * @param numRows    rows of test_some_table (and rows added per generation to test_incremental_table)
 * @param numSubRows rows of test_sub_table per parent row
 * @param pageSize   rows per page
 * @param generation which generation of data to serve (see {@link TestSource})
 * @param failTable  fault injection: the table whose page {@code failOnPage} throws
 * @param failOnPage fault injection: 1-based page number that throws
 * @param pageDelay  a slow source: how long to wait before serving each page after a table's first
 */
public record TestSourceConfig(long numRows, int numSubRows, int pageSize, long generation,
                               Optional<String> failTable, int failOnPage, Duration pageDelay) {
    static final Set<String> KEYS = Set.of("num_rows", "num_sub_rows", "page_size", "generation", "fail_table", "fail_on_page",
            "page_delay");

    public TestSourceConfig {
        if (failTable.isPresent() != (failOnPage > 0)) {
            throw new ConfigException(failTable.isPresent() ? "fail_on_page" : "fail_table",
                    "fail_table and fail_on_page go together");
        }
    }

    static TestSourceConfig parse(Spec spec) {
        spec.requireOnly(KEYS);
        return new TestSourceConfig(
                spec.integer("num_rows", 10, 0, 1_000_000_000L),
                (int) spec.integer("num_sub_rows", 2, 0, 1_000),
                (int) spec.integer("page_size", 1000, 1, 1_000_000),
                spec.integer("generation", 0, 0, 1_000_000),
                spec.optionalString("fail_table"),
                (int) spec.integer("fail_on_page", 0, 0, Integer.MAX_VALUE),
                spec.duration("page_delay", Duration.ZERO));
    }
}
