package dev.sluice.engine.sync;

import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.ConnectorConfig;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.FetchRequest;
import dev.sluice.spi.Page;
import dev.sluice.spi.Source;
import dev.sluice.spi.SourceFactory;
import dev.sluice.spi.Spec;
import dev.sluice.spi.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A source whose partitions scope rows, as the AWS source's accounts and regions do: table
 * {@value #TABLE} (child {@value #CHILD}) in partitions {@code a}, {@code b} and {@code c}, each
 * row carrying its partition in column {@code region}. Generation 0 has ids 0..4 per partition,
 * later generations ids 0..2; pages of two rows. Spec: {@code generation}, {@code fail_partition}
 * (that partition, or every one for {@code *}, fails on its second page, after its first landed) and {@code scoped} (false:
 * the partitions do not say their scope).
 */
public final class ScopedSourceFactory implements SourceFactory {
    public static final String TABLE = "scoped_items";
    public static final String CHILD = "scoped_item_parts";
    public static final List<String> PARTITIONS = List.of("a", "b", "c");

    @Override
    public String name() {
        return "scoped";
    }

    @Override
    public Source create(ConnectorConfig config) {
        Spec spec = config.spec();
        spec.requireOnly(Set.of("generation", "fail_partition", "scoped"));
        long generation = spec.integer("generation", 0, 0, 100);
        Optional<String> failing = spec.optionalString("fail_partition");
        boolean scoped = spec.bool("scoped", true);
        Table child = Table.of(CHILD, "", List.of(Column.primaryKey("region", ColumnType.STRING),
                Column.primaryKey("id", ColumnType.INT64), Column.of("generation", ColumnType.INT64)));
        Table table = Table.of(TABLE, "", List.of(Column.primaryKey("region", ColumnType.STRING),
                Column.primaryKey("id", ColumnType.INT64), Column.of("generation", ColumnType.INT64)))
                .withChildren(List.of(child));
        return new Source() {
            @Override
            public List<Table> tables() {
                return List.of(table);
            }

            @Override
            public List<String> partitions(Table t) {
                return PARTITIONS;
            }

            @Override
            public Optional<Map<String, Object>> partitionScope(Table t, String partition) {
                return scoped ? Optional.of(Map.of("region", partition)) : Optional.empty();
            }

            @Override
            public Page fetch(FetchRequest request) {
                int page = request.resumeToken().map(Integer::parseInt).orElse(0);
                if (failing.filter(f -> f.equals("*") || f.equals(request.partition())).isPresent() && page == 1) {
                    throw new ConnectorException("injected failure in partition " + request.partition());
                }
                int count = generation == 0 ? 5 : 3;
                List<Object[]> rows = new ArrayList<>();
                for (long id = 2L * page; id < Math.min(count, 2L * page + 2); id++) {
                    rows.add(new Object[] {request.partition(), id, generation});
                }
                boolean more = 2 * page + 2 < count;
                return new Page(rows, more ? Optional.of(Integer.toString(page + 1)) : Optional.empty(), Optional.empty());
            }

            @Override
            public List<List<Object[]>> fetchChildren(Table c, Table parent, List<Object[]> parentRows) {
                return parentRows.stream().map(r -> List.<Object[]>of(new Object[] {r[0], r[1], r[2]})).toList();
            }
        };
    }
}
