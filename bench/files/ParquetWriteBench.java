import dev.sluice.files.format.Compression;
import dev.sluice.files.format.FileFormat;
import dev.sluice.files.format.FormatOptions;
import dev.sluice.files.format.RowEncoder;
import dev.sluice.files.format.RowEncoders;
import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.TableSchema;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sluice's Parquet writer alone (no sync, no source): ROWS rows of a mixed table (id int64,
 * qty int32, a status of 8 values, a unique text, a timestamp) written with snappy to OUT, in
 * batches of 10,000 rows; the rows are generated before the clock starts. Best of RUNS runs.
 *   classes=connectors/files/target/classes:spi/target/classes  (build them first: mvn -o -q compile -pl connectors/files -am)
 *   java -cp "$classes:$(ls ~/.m2/repository/io/airlift/aircompressor/2.0.3/*.jar):$(ls ~/.m2/repository/com/fasterxml/jackson/core/jackson-core/2.21.8/*.jar)" \
 *     bench/files/ParquetWriteBench.java [ROWS] [RUNS] [OUT]
 * Prints: rows, seconds of the best run, rows/s, bytes.
 */
public final class ParquetWriteBench {
    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path out = Path.of(args.length > 2 ? args[2] : "bench.parquet");
        TableSchema table = new TableSchema("bench", List.of(Column.primaryKey("id", ColumnType.INT64),
                Column.of("qty", ColumnType.INT32), Column.of("status", ColumnType.STRING),
                Column.of("note", ColumnType.STRING), Column.of("at", ColumnType.TIMESTAMP)), List.of("id"), List.of());
        String[] statuses = {"new", "paid", "packed", "shipped", "delivered", "returned", "refunded", "cancelled"};
        List<List<Object[]>> batches = new ArrayList<>();
        for (int start = 0; start < rows; start += 10_000) {
            List<Object[]> batch = new ArrayList<>();
            for (long id = start; id < Math.min(rows, start + 10_000); id++) {
                long h = id * 0x9E3779B97F4A7C15L;
                batch.add(new Object[] {id, (long) (int) (h >>> 40) % 1000, statuses[(int) (h >>> 61)],
                        "note " + Long.toHexString(h) + " for order " + id, Instant.ofEpochSecond(1_700_000_000L + id, 123_000)});
            }
            batches.add(batch);
        }
        double best = Double.MAX_VALUE;
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                RowEncoder encoder = RowEncoders.open(table,
                        FormatOptions.defaults(FileFormat.PARQUET).withCompression(Compression.SNAPPY), o);
                for (List<Object[]> b : batches) {
                    encoder.write(b);
                }
                encoder.finish();
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf("%d rows, best of %d: %.3f s, %.0f rows/s, %d bytes%n", rows, runs, best, rows / best, Files.size(out));
    }
}
