package dev.sluice.connector.test;

import dev.sluice.spi.ConfigException;
import dev.sluice.spi.ConfigProblems;
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

    /** Parses the spec, reporting every problem at once. */
    static TestSourceConfig parse(Spec spec) {
        ConfigProblems problems = new ConfigProblems();
        problems.check(() -> spec.requireOnly(KEYS));
        long numRows = problems.check(() -> spec.integer("num_rows", 10, 0, 1_000_000_000L), 10L);
        long subRows = problems.check(() -> spec.integer("num_sub_rows", 2, 0, 1_000), 2L);
        long pageSize = problems.check(() -> spec.integer("page_size", 1000, 1, 1_000_000), 1000L);
        long generation = problems.check(() -> spec.integer("generation", 0, 0, 1_000_000), 0L);
        Optional<String> failTable = problems.check(() -> spec.optionalString("fail_table"), Optional.empty());
        long failOnPage = problems.check(() -> spec.integer("fail_on_page", 0, 0, Integer.MAX_VALUE), 0L);
        Duration pageDelay = problems.check(() -> spec.duration("page_delay", Duration.ZERO), Duration.ZERO);
        TestSourceConfig config = problems.check(() -> new TestSourceConfig(numRows, (int) subRows, (int) pageSize,
                generation, failTable, (int) failOnPage, pageDelay), null);
        problems.throwIfAny();
        return config;
    }
}
