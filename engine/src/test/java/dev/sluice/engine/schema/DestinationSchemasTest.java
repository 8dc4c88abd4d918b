package dev.sluice.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.engine.config.PkMode;
import dev.sluice.engine.config.WriteMode;
import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.Table;
import dev.sluice.spi.TableSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class DestinationSchemasTest {
    private static final Table KEYED = Table.of("t", "", List.of(Column.primaryKey("id", ColumnType.INT64), Column.of("v", ColumnType.STRING)));
    private static final Table UNKEYED = Table.of("u", "", List.of(Column.of("v", ColumnType.STRING)));

    @Test
    void internalColumnsComeFirst() {
        TableSchema s = DestinationSchemas.of(KEYED, WriteMode.OVERWRITE, PkMode.DEFAULT);
        assertThat(s.columns()).extracting(Column::name)
                .containsExactly("_cq_sync_time", "_cq_source_name", "_cq_id", "_cq_parent_id", "id", "v");
    }

    @Test
    void overwriteUpsertsOnTheTablesKey() {
        TableSchema s = DestinationSchemas.of(KEYED, WriteMode.OVERWRITE_DELETE_STALE, PkMode.DEFAULT);
        assertThat(s.primaryKey()).containsExactly("id");
        assertThat(s.uniqueKey()).isEmpty();
    }

    @Test
    void cqIdOnlyAndUnkeyedTablesUpsertOnCqId() {
        TableSchema cqOnly = DestinationSchemas.of(KEYED, WriteMode.OVERWRITE, PkMode.CQ_ID_ONLY);
        assertThat(cqOnly.primaryKey()).containsExactly("_cq_id");
        assertThat(cqOnly.columns().stream().filter(Column::primaryKey)).extracting(Column::name).containsExactly("_cq_id");
        assertThat(DestinationSchemas.of(UNKEYED, WriteMode.OVERWRITE, PkMode.DEFAULT).primaryKey()).containsExactly("_cq_id");
    }

    @Test
    void appendDropsPrimaryKeysAndDedupesOnIdAndSyncTime() {
        TableSchema s = DestinationSchemas.of(KEYED, WriteMode.APPEND, PkMode.DEFAULT);
        assertThat(s.primaryKey()).isEmpty();
        assertThat(s.columns()).noneMatch(Column::primaryKey);
        assertThat(s.uniqueKey()).containsExactly("_cq_id", "_cq_sync_time");
    }

    @Test
    void appendOfAnIncrementalTableDedupesARowVersionPerSource() {
        TableSchema s = DestinationSchemas.of(KEYED.withCursor("v"), WriteMode.APPEND, PkMode.DEFAULT);
        assertThat(s.uniqueKey()).containsExactly("_cq_source_name", "_cq_id", "v");
    }

    @Test
    void sourceColumnsMayNotUseTheInternalPrefix() {
        Table bad = Table.of("b", "", List.of(Column.of("_cq_id", ColumnType.STRING)));
        assertThatThrownBy(() -> DestinationSchemas.of(bad, WriteMode.APPEND, PkMode.DEFAULT))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("_cq_");
    }
}
