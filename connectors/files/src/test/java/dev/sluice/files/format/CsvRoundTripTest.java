package dev.sluice.files.format;

import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CsvRoundTripTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"NONE", "GZIP"})
    void duckDbReadsEveryValueOfEveryTypeBack(Compression compression) throws Exception {
        Path file = RoundTrip.write(dir, FormatOptions.defaults(FileFormat.CSV).withCompression(compression));
        assertReadsBack(file, compression, ',', true);
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"NONE", "GZIP"})
    void anotherDelimiterAndNoHeader(Compression compression) throws Exception {
        Path file = RoundTrip.write(dir, FormatOptions.defaults(FileFormat.CSV).withCompression(compression).withCsv(';', true));
        assertReadsBack(file, compression, ';', false);
    }

    private static void assertReadsBack(Path file, Compression compression, char delimiter, boolean header) throws Exception {
        // lists are JSON arrays in CSV: read as text, then cast from JSON
        String from = "read_csv('" + file + "', header = " + header + ", delim = '" + delimiter + "', quote = '\"',"
                + " escape = '\"', allow_quoted_nulls = false, compression = '" + compression.name().toLowerCase()
                + "', columns = " + RoundTrip.columnsArgument(SampleTable.TABLE, true,
                        c -> c.type() instanceof ColumnType.ListType ? "VARCHAR" : null) + ")";
        try (DuckDb db = new DuckDb()) {
            RoundTrip.assertReadsBack(db, from, true, CsvRoundTripTest::source);
        }
    }

    private static String source(Column c) {
        return c.type() instanceof ColumnType.ListType
                ? "CAST(CAST(\"" + c.name() + "\" AS JSON) AS " + Canon.duckType(c.type(), true) + ")"
                : RoundTrip.quoted(c);
    }
}
