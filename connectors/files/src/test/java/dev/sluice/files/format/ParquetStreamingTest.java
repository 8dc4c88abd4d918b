package dev.sluice.files.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.TableSchema;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Parquet encoder holds one row group at most: the rest is in the stream before finish. */
class ParquetStreamingTest {
    private static final int ROWS = 200_000;
    private static final int CHUNK = 1_000;
    private static final long ROW_GROUP = 1L << 20;

    @TempDir
    Path dir;

    @Test
    void rowGroupsReachTheStreamAsRowsArriveAndOnlyOneIsBuffered() throws Exception {
        TableSchema table = new TableSchema("events", List.of(Column.primaryKey("id", ColumnType.INT64),
                Column.of("name", ColumnType.STRING), Column.of("at", ColumnType.TIMESTAMP)), List.of("id"), List.of());
        Path file = dir.resolve("events.parquet");
        List<Long> writtenAfterChunk = new ArrayList<>();
        long beforeFinish;
        try (Counting out = new Counting(Files.newOutputStream(file))) {
            RowEncoder encoder = RowEncoders.open(table,
                    FormatOptions.defaults(FileFormat.PARQUET).withParquetRowGroupBytes(ROW_GROUP), out);
            for (int start = 0; start < ROWS; start += CHUNK) {
                List<Object[]> chunk = new ArrayList<>(CHUNK);
                for (long id = start; id < start + CHUNK; id++) {
                    chunk.add(new Object[] {id, UUID.randomUUID() + "/" + id, Instant.ofEpochSecond(id)});
                }
                encoder.write(chunk);
                writtenAfterChunk.add(out.count);
            }
            beforeFinish = out.count;
            encoder.finish();
            assertThat(out.closed).isFalse();
            long total = out.count;
            // everything but the last row group (and the footer) was in the stream before finish
            assertThat(total - beforeFinish).isLessThan(2 * ROW_GROUP);
            // the stream grew all along, never more than a row group's worth of chunks apart
            int unchanged = 0;
            for (int i = 1; i < writtenAfterChunk.size(); i++) {
                unchanged = writtenAfterChunk.get(i).equals(writtenAfterChunk.get(i - 1)) ? unchanged + 1 : 0;
                assertThat(unchanged).as("chunks without output before chunk " + i).isLessThan(40);
            }
        }
        try (DuckDb db = new DuckDb()) {
            Map<String, String> summary = db.query("SELECT count(*) AS n, sum(id) AS s, count(DISTINCT name) AS names"
                    + " FROM read_parquet('" + file + "')").get(0);
            assertThat(summary).containsEntry("n", Integer.toString(ROWS))
                    .containsEntry("s", Long.toString((long) ROWS * (ROWS - 1) / 2))
                    .containsEntry("names", Integer.toString(ROWS));
            List<Map<String, String>> groups = db.query("SELECT row_group_id, max(row_group_bytes) AS bytes"
                    + " FROM parquet_metadata('" + file + "') GROUP BY row_group_id");
            assertThat(groups.size()).isGreaterThan(5);
        }
    }

    /** Counts the bytes passed on; remembers a close. */
    private static final class Counting extends FilterOutputStream {
        long count;
        boolean closed;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}
