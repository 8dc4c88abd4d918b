package dev.sluice.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A source of tables. The engine calls {@link #open()}, then {@link #tables()}, then fetches
 * pages, possibly from several threads at once (one table partition per thread), then
 * {@link #close()}. A source never batches, retries or writes: the engine does.
 */
public interface Source extends AutoCloseable {

    /** Connects, if the source needs to. */
    default void open() {
    }

    /** Every table this source offers, top-level tables with their children. */
    List<Table> tables();

    /**
     * The partitions a table's rows split into, each fetched as a separate work item.
     * The default is one partition, {@code ""}: the whole table.
     */
    default List<String> partitions(Table table) {
        return List.of("");
    }

    /**
     * The column values every row of {@code table} (a top-level table or one of its children)
     * read from {@code partition} carries, where the partition scopes rows: rows of the other
     * partitions never carry all of them, unless that partition reads the same rows. Then, when
     * some partitions of a table fail, the engine deletes stale rows of each partition that
     * succeeded, scoped to these values, and the failed ones keep theirs. Empty, the default: the
     * partition does not scope rows, and a table with a failed partition keeps all its old rows.
     * Values are not null and of their columns' types, which are ones equality compares exactly:
     * bool, integer, string, uuid, date or timestamp. Asked after the partition's items ended,
     * possibly of a source instance that fetched nothing.
     */
    default Optional<Map<String, Object>> partitionScope(Table table, String partition) {
        return Optional.empty();
    }

    /**
     * About how many rows a sync of {@code table} (this table only, not its children) reads,
     * for a progress display's ETA; empty when the source cannot tell cheaply. Never exact.
     */
    default OptionalLong estimatedRows(Table table) {
        return OptionalLong.empty();
    }

    /** Fetches one page. Must be deterministic for a given request while the data does not change. */
    Page fetch(FetchRequest request);

    /**
     * The rows of {@code child} for each of {@code parentRows} (rows of {@code parent}), in the
     * same order: element i holds the children of parent row i.
     */
    default List<List<Object[]>> fetchChildren(Table child, Table parent, List<Object[]> parentRows) {
        throw new ConnectorException("source does not resolve child table " + child.name());
    }

    @Override
    default void close() {
    }
}
