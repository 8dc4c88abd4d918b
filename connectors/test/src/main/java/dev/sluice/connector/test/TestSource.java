package dev.sluice.connector.test;

import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.FetchRequest;
import dev.sluice.spi.Page;
import dev.sluice.spi.Source;
import dev.sluice.spi.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A deterministic source for the quick start, tests and benchmarks.
 * <ul>
 *   <li>{@code test_some_table}: ids 0..num_rows-1, except that ids with {@code id % 10 == 9}
 *       exist only in even generations; a {@code generation} column equal to the spec's.</li>
 *   <li>{@code test_sub_table}: child of test_some_table, num_sub_rows rows per parent.</li>
 *   <li>{@code test_incremental_table}: incremental on updated_at; after generation g it
 *       holds num_rows × (g+1) rows, row i updated at 2024-01-01 + i seconds.</li>
 * </ul>
 * Resume tokens are the next row id. The cursor is the updated_at of the last row served.
 */
final class TestSource implements Source {
    private final TestSourceConfig config;

    TestSource(TestSourceConfig config) {
        this.config = config;
    }

    @Override
    public List<Table> tables() {
        return List.of(TestTables.someTable(), TestTables.incrementalTable());
    }

    @Override
    public OptionalLong estimatedRows(Table table) {
        return switch (table.name()) {
            case TestTables.SOME -> OptionalLong.of(config.numRows());
            case TestTables.SUB -> OptionalLong.of(config.numRows() * config.numSubRows());
            default -> OptionalLong.empty(); // incremental: only what is newer than the cursor
        };
    }

    @Override
    public Page fetch(FetchRequest request) {
        String table = request.table().name();
        if (request.resumeToken().isPresent() && !config.pageDelay().isZero()) {
            pause();
        }
        return switch (table) {
            case TestTables.SOME -> someTablePage(request);
            case TestTables.INCREMENTAL -> incrementalPage(request);
            default -> throw new ConnectorException("test source has no top-level table " + table);
        };
    }

    private Page someTablePage(FetchRequest request) {
        long start = startId(request, 0);
        failIfAsked(TestTables.SOME, start);
        long end = Math.min(config.numRows(), start + config.pageSize());
        List<Object[]> rows = new ArrayList<>((int) (end - start));
        for (long id = start; id < end; id++) {
            if (TestRows.someRowExists(id, config.generation())) {
                rows.add(TestRows.someRow(id, config.generation()));
            }
        }
        return new Page(rows, next(end, config.numRows()), Optional.empty());
    }

    private Page incrementalPage(FetchRequest request) {
        long total = config.numRows() * (config.generation() + 1);
        long afterCursor = request.cursor().map(TestSource::firstIdAfter).orElse(0L);
        long start = startId(request, afterCursor);
        failIfAsked(TestTables.INCREMENTAL, start - afterCursor);
        long end = Math.min(total, start + config.pageSize());
        List<Object[]> rows = new ArrayList<>((int) Math.max(0, end - start));
        for (long id = start; id < end; id++) {
            rows.add(TestRows.incrementalRow(id, config.numRows()));
        }
        Optional<String> cursor = end > start ? Optional.of(TestRows.updatedAt(end - 1).toString()) : Optional.empty();
        return new Page(rows, next(end, total), cursor);
    }

    @Override
    public List<List<Object[]>> fetchChildren(Table child, Table parent, List<Object[]> parentRows) {
        if (!child.name().equals(TestTables.SUB)) {
            throw new ConnectorException("test source has no child table " + child.name());
        }
        List<List<Object[]>> result = new ArrayList<>(parentRows.size());
        for (Object[] parentRow : parentRows) {
            long parentId = (Long) parentRow[0];
            List<Object[]> children = new ArrayList<>(config.numSubRows());
            for (int i = 0; i < config.numSubRows(); i++) {
                children.add(TestRows.subRow(parentId, i, config.generation()));
            }
            result.add(children);
        }
        return result;
    }

    private void pause() {
        try {
            Thread.sleep(config.pageDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException("test source: interrupted during page_delay");
        }
    }

    private long startId(FetchRequest request, long defaultStart) {
        if (request.resumeToken().isEmpty()) {
            return defaultStart;
        }
        String token = request.resumeToken().get();
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw new ConnectorException("test source: resume token \"" + token + "\" is not a row id");
        }
    }

    /** The first incremental row newer than the cursor (an updated_at instant). */
    private static long firstIdAfter(String cursor) {
        try {
            Instant at = Instant.parse(cursor);
            return Math.max(0, Duration.between(TestRows.BASE, at).getSeconds() + 1);
        } catch (DateTimeParseException e) {
            throw new ConnectorException("test source: cursor \"" + cursor + "\" is not an instant");
        }
    }

    private void failIfAsked(String table, long offset) {
        if (config.failTable().filter(table::equals).isPresent()
                && offset / config.pageSize() + 1 == config.failOnPage()) {
            throw new ConnectorException("injected failure: " + table + " page " + config.failOnPage()
                    + " (test source spec fail_table/fail_on_page)");
        }
    }

    private static Optional<String> next(long end, long total) {
        return end < total ? Optional.of(Long.toString(end)) : Optional.empty();
    }
}
