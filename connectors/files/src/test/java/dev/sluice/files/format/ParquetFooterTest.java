package dev.sluice.files.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The footer as DuckDB's own Thrift reader decodes it: the schema elements with their physical,
 * converted and logical types as parquet-java wrote them, and the column chunks' metadata.
 */
class ParquetFooterTest {
    @TempDir
    Path dir;

    @Test
    void schemaElementsAndColumnChunks() throws Exception {
        Path file = RoundTrip.write(dir, FormatOptions.defaults(FileFormat.PARQUET).withCompression(Compression.ZSTD));
        try (DuckDb db = new DuckDb()) {
            List<Map<String, String>> elements = db.query("SELECT concat_ws(' ', name, coalesce(type, 'group'),"
                    + " coalesce(type_length::VARCHAR, '-'), coalesce(repetition_type, '-'), coalesce(num_children::VARCHAR, '-'),"
                    + " coalesce(converted_type, '-'), coalesce(scale::VARCHAR, '-'), coalesce(precision::VARCHAR, '-'),"
                    + " CASE WHEN logical_type LIKE 'IntType(%' THEN 'IntType' ELSE coalesce(logical_type, '-') END) AS e"
                    + " FROM parquet_schema('" + file + "')");
            List<String> e = elements.stream().map(m -> m.get("e")).toList();
            String micros = "unit=TimeUnit(MILLIS=<null>, MICROS=MicroSeconds(), NANOS=<null>))";
            assertThat(e).hasSize(1 + SampleTable.TABLE.columns().size() + 11 * 2 + 2 * 4) // 11 lists, 2 lists of lists
                    .startsWith("schema group - - " + SampleTable.TABLE.columns().size() + " - - - -",
                            "id INT64 - REQUIRED - INT_64 - - IntType")
                    .contains("c_bool BOOLEAN - OPTIONAL - - - - -",
                            "c_uint8 INT32 - OPTIONAL - UINT_8 - - IntType",
                            "c_uint64 INT64 - OPTIONAL - UINT_64 - - IntType",
                            "c_float32 FLOAT - OPTIONAL - - - - -",
                            "c_decimal FIXED_LEN_BYTE_ARRAY 16 OPTIONAL - DECIMAL 10 38 DecimalType(scale=10, precision=38)",
                            "c_numeric BYTE_ARRAY - OPTIONAL - UTF8 - - StringType()",
                            "c_date INT32 - OPTIONAL - DATE - - DateType()",
                            "c_time INT64 - OPTIONAL - TIME_MICROS - - TimeType(isAdjustedToUTC=0, " + micros,
                            "c_timestamp INT64 - OPTIONAL - TIMESTAMP_MICROS - - TimestampType(isAdjustedToUTC=1, " + micros,
                            "c_local_timestamp INT64 - OPTIONAL - TIMESTAMP_MICROS - - TimestampType(isAdjustedToUTC=0, "
                                    + micros,
                            "c_bytes BYTE_ARRAY - OPTIONAL - - - - -",
                            "c_uuid FIXED_LEN_BYTE_ARRAY 16 OPTIONAL - - - - UUIDType()",
                            "c_json BYTE_ARRAY - OPTIONAL - JSON - - JsonType()")
                    .endsWith("c_int64_grid group - OPTIONAL 1 LIST - - ListType()",
                            "list group - REPEATED 1 - - - -",
                            "element group - OPTIONAL 1 LIST - - ListType()",
                            "list group - REPEATED 1 - - - -",
                            "element INT64 - OPTIONAL - INT_64 - - IntType");

            Map<String, String> file0 = db.query("SELECT created_by, num_rows, num_row_groups, format_version"
                    + " FROM parquet_file_metadata('" + file + "')").get(0);
            assertThat(file0).containsEntry("created_by", "sluice").containsEntry("num_rows", "10")
                    .containsEntry("num_row_groups", "1").containsEntry("format_version", "1");
            List<Map<String, String>> chunks = db.query("SELECT path_in_schema, num_values, compression, encodings,"
                    + " data_page_offset, coalesce(dictionary_page_offset, data_page_offset) AS first_page,"
                    + " total_compressed_size FROM parquet_metadata('" + file + "') ORDER BY column_id");
            assertThat(chunks).hasSize(SampleTable.TABLE.columns().size());
            assertThat(chunks.get(0)).containsEntry("path_in_schema", "id").containsEntry("num_values", "10")
                    .containsEntry("compression", "ZSTD").containsEntry("encodings", "PLAIN, RLE")
                    .containsEntry("data_page_offset", "4");
            // the chunks follow one another from the magic bytes on, each from its dictionary page if it has one
            long next = 4;
            for (Map<String, String> c : chunks) {
                assertThat(Long.parseLong(c.get("first_page"))).as(c.get("path_in_schema")).isEqualTo(next);
                next += Long.parseLong(c.get("total_compressed_size"));
            }
            // a grid's values: every level entry, nulls and empty lists included (row 0 has 6, row 1 has 1, 8 nulls)
            assertThat(chunks.get(chunks.size() - 1)).containsEntry("path_in_schema", "c_int64_grid, list, element, list, element")
                    .containsEntry("num_values", "15");
        }
    }
}
