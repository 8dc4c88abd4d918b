package dev.sluice.files.format;

import dev.sluice.spi.TableSchema;
import java.io.IOException;
import java.io.OutputStream;

/** Opens the encoder of a format. */
public final class RowEncoders {
    private RowEncoders() {
    }

    /**
     * An encoder writing {@code table}'s rows into {@code out} as {@code options} say. Parquet writes
     * its magic bytes at once; CSV its header row when it has one (buffered until a flush).
     */
    public static RowEncoder open(TableSchema table, FormatOptions options, OutputStream out) throws IOException {
        return switch (options.format()) {
            case PARQUET -> new ParquetEncoder(table, options, out);
            case JSON -> new JsonLinesEncoder(table, options, out);
            case CSV -> new CsvEncoder(table, options, out);
        };
    }

    /**
     * What CloudQuery's {@code {{FORMAT}}} path variable becomes: the format's name, and {@code .gz}
     * after it for gzip ({@code json.gz}, {@code csv.gz}). Parquet's codec compresses pages inside
     * the file, so a Parquet object is {@code parquet} whatever its codec.
     */
    public static String formatName(FormatOptions o) {
        boolean wholeGzip = o.format() != FileFormat.PARQUET && o.compression() == Compression.GZIP;
        return o.format().configName() + (wholeGzip ? ".gz" : "");
    }
}
