package dev.sluice.files.format;

import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.ColumnType.ListType;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JsonLinesRoundTripTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"NONE", "GZIP"})
    void duckDbReadsEveryValueOfEveryTypeBack(Compression compression) throws Exception {
        Path file = RoundTrip.write(dir, FormatOptions.defaults(FileFormat.JSON).withCompression(compression));
        String from = "read_json('" + file + "', format = 'newline_delimited', compression = '"
                + compression.name().toLowerCase() + "', columns = "
                + RoundTrip.columnsArgument(SampleTable.TABLE, true, c -> floats(c) ? textual(c.type()) : null) + ")";
        try (DuckDb db = new DuckDb()) {
            RoundTrip.assertReadsBack(db, from, true, c -> floats(c)
                    ? "CAST(" + RoundTrip.quoted(c) + " AS " + Canon.duckType(c.type(), true) + ")" : RoundTrip.quoted(c), true);
        }
    }

    /**
     * Floats are numbers, or CloudQuery's strings "NaN", "+Inf" and "-Inf": read_json casts "NaN" to
     * a number but not "+Inf", so they are read as text and cast, as a query over CloudQuery's JSON must.
     */
    private static boolean floats(Column c) {
        ColumnType t = c.type() instanceof ListType l ? l.scalar() : c.type();
        return t.kind() == ColumnType.Kind.FLOAT;
    }

    private static String textual(ColumnType t) {
        return t instanceof ListType l ? textual(l.element()) + "[]" : "VARCHAR";
    }
}
