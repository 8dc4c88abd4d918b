package dev.sluice.files.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.spi.Column;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParquetRoundTripTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Compression.class)
    void duckDbReadsEveryValueOfEveryTypeBack(Compression compression) throws Exception {
        Path file = RoundTrip.write(dir, FormatOptions.defaults(FileFormat.PARQUET).withCompression(compression));
        try (DuckDb db = new DuckDb()) {
            RoundTrip.assertReadsBack(db, "read_parquet('" + file + "')", false, RoundTrip::quoted);
        }
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void columnsHaveTheirLogicalTypesAndPagesTheCodec(Compression compression) throws Exception {
        Path file = RoundTrip.write(dir, FormatOptions.defaults(FileFormat.PARQUET).withCompression(compression));
        try (DuckDb db = new DuckDb()) {
            List<Map<String, String>> described = db.query("DESCRIBE SELECT * FROM read_parquet('" + file + "')");
            List<Column> columns = SampleTable.TABLE.columns();
            assertThat(described).hasSize(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                assertThat(described.get(i).get("column_type")).as(columns.get(i).name())
                        .isEqualTo(Canon.duckType(columns.get(i).type(), false));
            }
            List<Map<String, String>> codecs = db.query("SELECT DISTINCT compression FROM parquet_metadata('" + file + "')");
            assertThat(codecs).extracting(r -> r.get("compression"))
                    .containsExactly(compression == Compression.NONE ? "UNCOMPRESSED" : compression.name());
        }
    }
}
