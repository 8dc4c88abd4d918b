package dev.sluice.files.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FormatOptionsTest {

    @Test
    void defaultsAreCloudQuerys() {
        assertThat(FormatOptions.defaults(FileFormat.PARQUET)).isEqualTo(
                new FormatOptions(FileFormat.PARQUET, Compression.SNAPPY, ',', false, false, 8L << 20));
        assertThat(FormatOptions.defaults(FileFormat.JSON).compression()).isEqualTo(Compression.NONE);
        assertThat(FormatOptions.defaults(FileFormat.CSV).csvDelimiter()).isEqualTo(',');
    }

    @Test
    void jsonAndCsvAreGzippedOrNot() {
        assertThatThrownBy(() -> FormatOptions.defaults(FileFormat.JSON).withCompression(Compression.SNAPPY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("json objects are compressed with gzip or not at all, not snappy");
        assertThatThrownBy(() -> FormatOptions.defaults(FileFormat.CSV).withCompression(Compression.ZSTD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(FormatOptions.defaults(FileFormat.CSV).withCompression(Compression.GZIP).compression())
                .isEqualTo(Compression.GZIP);
    }

    @Test
    void theDelimiterIsNotAQuoteOrLineBreak() {
        for (char c : new char[] {'"', '\n', '\r'}) {
            assertThatThrownBy(() -> FormatOptions.defaults(FileFormat.CSV).withCsv(c, false))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(FormatOptions.defaults(FileFormat.CSV).withCsv('\t', true).csvDelimiter()).isEqualTo('\t');
    }

    @Test
    void aRowGroupIsAtLeast64KiB() {
        assertThatThrownBy(() -> FormatOptions.defaults(FileFormat.PARQUET).withParquetRowGroupBytes(1000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a Parquet row group is at least 65536 bytes, not 1000");
    }

    @Test
    void formatNameIsWhatCloudQuerysFormatVariableBecomes() {
        assertThat(RowEncoders.formatName(FormatOptions.defaults(FileFormat.JSON))).isEqualTo("json");
        assertThat(RowEncoders.formatName(FormatOptions.defaults(FileFormat.JSON).withCompression(Compression.GZIP)))
                .isEqualTo("json.gz");
        assertThat(RowEncoders.formatName(FormatOptions.defaults(FileFormat.CSV).withCompression(Compression.GZIP)))
                .isEqualTo("csv.gz");
        for (Compression c : Compression.values()) {
            assertThat(RowEncoders.formatName(FormatOptions.defaults(FileFormat.PARQUET).withCompression(c)))
                    .isEqualTo("parquet");
        }
    }

    @Test
    void namesInSpecs() {
        assertThat(FileFormat.fromConfigName("parquet")).isEqualTo(FileFormat.PARQUET);
        assertThatThrownBy(() -> FileFormat.fromConfigName("xml")).hasMessage("unknown format \"xml\": use parquet, json or csv");
        assertThat(Compression.fromConfigName("")).isEqualTo(Compression.NONE);
        assertThat(Compression.fromConfigName("zstd")).isEqualTo(Compression.ZSTD);
        assertThatThrownBy(() -> Compression.fromConfigName("lz4")).isInstanceOf(IllegalArgumentException.class);
    }
}
