package dev.sluice.spi;

import java.util.List;
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
