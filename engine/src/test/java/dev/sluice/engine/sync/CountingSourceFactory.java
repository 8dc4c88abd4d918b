package dev.sluice.engine.sync;

import dev.sluice.spi.ConnectorConfig;
import dev.sluice.spi.FetchRequest;
import dev.sluice.spi.Page;
import dev.sluice.spi.Source;
import dev.sluice.spi.SourceFactory;
import dev.sluice.spi.Table;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Wraps a source factory and counts, at the source, the rows each table served. */
final class CountingSourceFactory implements SourceFactory {
    private final SourceFactory delegate;
    final Map<String, AtomicLong> served = new ConcurrentHashMap<>();

    CountingSourceFactory(SourceFactory delegate) {
        this.delegate = delegate;
    }

    long served(String table) {
        return served.getOrDefault(table, new AtomicLong()).get();
    }

    void reset() {
        served.clear();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Source create(ConnectorConfig config) {
        Source source = delegate.create(config);
        return new Source() {
            @Override
            public void open() {
                source.open();
            }

            @Override
            public List<Table> tables() {
                return source.tables();
            }

            @Override
            public Page fetch(FetchRequest request) {
                Page page = source.fetch(request);
                count(request.table().name(), page.rows().size());
                return page;
            }

            @Override
            public List<List<Object[]>> fetchChildren(Table child, Table parent, List<Object[]> parentRows) {
                List<List<Object[]>> rows = source.fetchChildren(child, parent, parentRows);
                count(child.name(), rows.stream().mapToInt(List::size).sum());
                return rows;
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }

    private void count(String table, long n) {
        served.computeIfAbsent(table, t -> new AtomicLong()).addAndGet(n);
    }
}
