package dev.sluice.files.format;

import java.util.Objects;

/**
 * How rows are encoded into an object.
 *
 * @param format               the file format
 * @param compression          JSON and CSV: {@link Compression#NONE} or {@link Compression#GZIP} of the
 *                             whole object; Parquet: the page codec, any of them
 * @param csvDelimiter         CSV's field delimiter (CloudQuery's {@code delimiter}, ',' by default); not a
 *                             quote, carriage return or line feed
 * @param csvSkipHeader        CSV without the header row (CloudQuery's {@code skip_header})
 * @param athena               rewrite every character of a key in a JSON column's objects that is not a
 *                             letter, digit or underscore to an underscore (CloudQuery's {@code athena}), in
 *                             every format
 * @param parquetRowGroupBytes Parquet: a row group is written out once its buffered, encoded size reaches
 *                             this many bytes (at least 64 KiB); it bounds the encoder's memory
 */
public record FormatOptions(FileFormat format, Compression compression, char csvDelimiter, boolean csvSkipHeader,
                            boolean athena, long parquetRowGroupBytes) {
    /** 8 MiB. */
    public static final long DEFAULT_ROW_GROUP_BYTES = 8L << 20;
    static final long MIN_ROW_GROUP_BYTES = 64L << 10;

    public FormatOptions {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(compression, "compression");
        if (format != FileFormat.PARQUET && compression != Compression.NONE && compression != Compression.GZIP) {
            throw new IllegalArgumentException(format.configName() + " objects are compressed with gzip or not at all, not "
                    + compression.configName());
        }
        if (csvDelimiter == '"' || csvDelimiter == '\r' || csvDelimiter == '\n' || Character.isSurrogate(csvDelimiter)) {
            throw new IllegalArgumentException("the CSV delimiter cannot be a quote, a line break or half a character");
        }
        if (parquetRowGroupBytes < MIN_ROW_GROUP_BYTES) {
            throw new IllegalArgumentException("a Parquet row group is at least " + MIN_ROW_GROUP_BYTES + " bytes, not "
                    + parquetRowGroupBytes);
        }
    }

    /** {@code format} with CloudQuery's defaults: Parquet with snappy pages, others uncompressed; CSV with a header and commas. */
    public static FormatOptions defaults(FileFormat format) {
        return new FormatOptions(format, format == FileFormat.PARQUET ? Compression.SNAPPY : Compression.NONE, ',', false,
                false, DEFAULT_ROW_GROUP_BYTES);
    }

    public FormatOptions withCompression(Compression c) {
        return new FormatOptions(format, c, csvDelimiter, csvSkipHeader, athena, parquetRowGroupBytes);
    }

    public FormatOptions withCsv(char delimiter, boolean skipHeader) {
        return new FormatOptions(format, compression, delimiter, skipHeader, athena, parquetRowGroupBytes);
    }

    public FormatOptions withAthena(boolean on) {
        return new FormatOptions(format, compression, csvDelimiter, csvSkipHeader, on, parquetRowGroupBytes);
    }

    public FormatOptions withParquetRowGroupBytes(long bytes) {
        return new FormatOptions(format, compression, csvDelimiter, csvSkipHeader, athena, bytes);
    }
}
