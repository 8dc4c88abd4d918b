package dev.sluice.connector.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.spi.ColumnType;
import dev.sluice.spi.ConfigException;
import dev.sluice.spi.ConnectorConfig;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.FetchRequest;
import dev.sluice.spi.Page;
import dev.sluice.spi.Source;
import dev.sluice.spi.Spec;
import dev.sluice.spi.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestSourceTest {

    private static Source source(Map<String, Object> spec) {
        return new TestSourceFactory().create(new ConnectorConfig("test", new Spec(spec)));
    }

    private static Table table(Source s, String name) {
        return s.tables().stream().flatMap(t -> t.flatten().stream()).filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    /** Fetches every page from the first, returning all rows. */
    private static List<Object[]> drain(Source s, Table t, Optional<String> cursor) {
        List<Object[]> rows = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            Page p = s.fetch(new FetchRequest(t, "", token, cursor));
            rows.addAll(p.rows());
            token = p.nextToken();
        } while (token.isPresent());
        return rows;
    }

    @Test
    void someTableHasTheCommonTypesAndDropsIdsEndingInNineInOddGenerations() {
        Source even = source(Map.of("num_rows", 100, "page_size", 7));
        Table t = table(even, TestTables.SOME);
        assertThat(t.columns().stream().map(c -> c.type()).distinct()).containsExactlyInAnyOrder(ColumnType.BOOL,
                ColumnType.INT64, ColumnType.UINT64, ColumnType.FLOAT64, ColumnType.STRING, ColumnType.BYTES,
                ColumnType.TIMESTAMP, ColumnType.UUID, ColumnType.JSON, ColumnType.STRING_LIST, ColumnType.INT64_LIST);
        assertThat(drain(even, t, Optional.empty())).hasSize(100);

        Source odd = source(Map.of("num_rows", 100, "page_size", 7, "generation", 1));
        List<Object[]> rows = drain(odd, t, Optional.empty());
        assertThat(rows).hasSize(90).allSatisfy(r -> {
            assertThat((Long) r[0] % 10).isNotEqualTo(9);
            assertThat(r[1]).isEqualTo(1L);
        });
    }

    @Test
    void rowValuesMatchTheirColumnTypes() {
        Source s = source(Map.of("num_rows", 3));
        Table t = table(s, TestTables.SOME);
        for (Object[] row : drain(s, t, Optional.empty())) {
            for (int i = 0; i < row.length; i++) {
                assertThat(t.columns().get(i).type().accepts(row[i])).as(t.columns().get(i).name()).isTrue();
            }
        }
    }

    @Test
    void subTableGivesNumSubRowsPerParent() {
        Source s = source(Map.of("num_rows", 4, "num_sub_rows", 3));
        Table parent = table(s, TestTables.SOME);
        List<Object[]> parents = drain(s, parent, Optional.empty());
        List<List<Object[]>> children = s.fetchChildren(parent.children().get(0), parent, parents);
        assertThat(children).hasSize(4).allSatisfy(c -> assertThat(c).hasSize(3));
        assertThat(children.get(2).get(0)[0]).isEqualTo(2L);
    }

    @Test
    void incrementalTableServesOnlyRowsAfterTheCursor() {
        Table t = table(source(Map.of()), TestTables.INCREMENTAL);
        Source gen0 = source(Map.of("num_rows", 10, "page_size", 3));
        Page last = null;
        Optional<String> token = Optional.empty();
        int served = 0;
        do {
            last = gen0.fetch(new FetchRequest(t, "", token, Optional.empty()));
            served += last.rows().size();
            token = last.nextToken();
        } while (token.isPresent());
        assertThat(served).isEqualTo(10);
        String cursor = last.cursor().orElseThrow();

        Source gen1 = source(Map.of("num_rows", 10, "page_size", 3, "generation", 1));
        List<Object[]> fresh = drain(gen1, t, Optional.of(cursor));
        assertThat(fresh).hasSize(10);
        assertThat(fresh).extracting(r -> (Long) r[0]).containsExactlyElementsOf(List.of(10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L));
        assertThat(drain(gen1, t, Optional.empty())).hasSize(20);
    }

    @Test
    void injectedFaultThrowsOnTheNamedPage() {
        Source s = source(Map.of("num_rows", 10, "page_size", 3, "fail_table", TestTables.SOME, "fail_on_page", 2));
        Table t = table(s, TestTables.SOME);
        Page first = s.fetch(new FetchRequest(t, "", Optional.empty(), Optional.empty()));
        assertThat(first.rows()).hasSize(3);
        assertThatThrownBy(() -> s.fetch(new FetchRequest(t, "", first.nextToken(), Optional.empty())))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("page 2");
    }

    @Test
    void badSpecNamesTheField() {
        assertThatThrownBy(() -> source(Map.of("num_rowz", 1)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.field()).contains("num_rowz"));
        assertThatThrownBy(() -> source(Map.of("page_size", 0)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.field()).contains("page_size"));
    }
}
