package dev.sluice.files.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every encoder promises the destination: finish flushes and leaves the stream open. */
class RowEncoderContractTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Compression.class)
    void finishFlushesEverythingAndLeavesTheStreamOpen(Compression compression) throws IOException {
        for (FileFormat format : FileFormat.values()) {
            if (format != FileFormat.PARQUET && compression != Compression.NONE && compression != Compression.GZIP) {
                continue;
            }
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            boolean[] closed = {false};
            OutputStream out = new BufferedOutputStream(sink, 1 << 20) {
                @Override
                public void close() throws IOException {
                    closed[0] = true;
                    super.close();
                }
            };
            RowEncoder encoder = RowEncoders.open(SampleTable.TABLE, FormatOptions.defaults(format).withCompression(compression),
                    out);
            encoder.write(SampleTable.rows());
            encoder.finish();
            assertThat(closed[0]).as(format + " closed the stream").isFalse();
            byte[] bytes = sink.toByteArray();
            if (format == FileFormat.PARQUET) {
                assertThat(new String(bytes, bytes.length - 4, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
            } else {
                byte[] text = compression == Compression.GZIP ? new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes()
                        : bytes;
                assertThat(new String(text, StandardCharsets.UTF_8)).endsWith("\n");
            }
        }
    }

    @Test
    void anObjectWithoutRowsIsAParquetFileWithTheSchemaAHeaderOrNothing() throws Exception {
        Path parquet = dir.resolve("empty.parquet");
        for (FileFormat format : FileFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RowEncoder encoder = RowEncoders.open(SampleTable.TABLE, FormatOptions.defaults(format), out);
            encoder.finish();
            switch (format) {
                case PARQUET -> Files.write(parquet, out.toByteArray());
                case JSON -> assertThat(out.size()).isZero();
                case CSV -> assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("id,c_bool,").endsWith("c_int64_grid\n");
            }
        }
        try (DuckDb db = new DuckDb()) {
            assertThat(db.query("SELECT count(*) AS n FROM read_parquet('" + parquet + "')"))
                    .containsExactly(Map.of("n", "0"));
            List<Map<String, String>> columns = db.query("DESCRIBE SELECT * FROM read_parquet('" + parquet + "')");
            assertThat(columns).hasSize(SampleTable.TABLE.columns().size());
        }
    }
}
