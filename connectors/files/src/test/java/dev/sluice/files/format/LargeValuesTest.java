package dev.sluice.files.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.TableSchema;
import dev.sluice.testkit.TypeSamples;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A megabyte of text and of bytes in one value, in every format. */
class LargeValuesTest {
    private static final TableSchema TABLE = new TableSchema("big", List.of(Column.of("s", ColumnType.STRING),
            Column.of("b", ColumnType.BYTES)), List.of(), List.of());

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void megabyteValuesReadBack(FileFormat format) throws Exception {
        String text = TypeSamples.megabyteString();
        byte[] bytes = TypeSamples.megabyteBytes();
        FormatOptions options = FormatOptions.defaults(format);
        Path file = dir.resolve("big." + RowEncoders.formatName(options));
        try (OutputStream out = Files.newOutputStream(file)) {
            RowEncoder encoder = RowEncoders.open(TABLE, options, out);
            encoder.write(List.<Object[]>of(new Object[] {text, bytes}, new Object[] {text, bytes}));
            encoder.finish();
        }
        String from = switch (format) {
            case PARQUET -> "SELECT md5(s) AS s, md5(b) AS b FROM read_parquet('" + file + "')";
            case JSON -> "SELECT md5(s) AS s, md5(from_base64(b)) AS b FROM read_json('" + file
                    + "', format = 'newline_delimited', columns = {'s': 'VARCHAR', 'b': 'VARCHAR'}, maximum_object_size = 16777216)";
            case CSV -> "SELECT md5(s) AS s, md5(from_base64(b)) AS b FROM read_csv('" + file
                    + "', header = true, quote = '\"', escape = '\"', max_line_size = 16777216,"
                    + " columns = {'s': 'VARCHAR', 'b': 'VARCHAR'})";
        };
        try (DuckDb db = new DuckDb()) {
            List<Map<String, String>> rows = db.query(from);
            assertThat(rows).hasSize(2).allSatisfy(r -> assertThat(r)
                    .containsEntry("s", md5(text.getBytes(StandardCharsets.UTF_8))).containsEntry("b", md5(bytes)));
        }
    }

    private static String md5(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    }
}
