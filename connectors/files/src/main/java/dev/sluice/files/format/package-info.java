/**
 * Encoders of rows into Parquet, JSON Lines and CSV objects, streaming: memory is bounded by one
 * Parquet row group or a small buffer, never by the object. {@link dev.sluice.files.format.RowEncoders}
 * opens one for a table, {@link dev.sluice.files.format.FormatOptions} and an output stream.
 * Parquet is written by the package's own writer (version 1 data pages, RLE/bit-packed levels),
 * whose only dependency is aircompressor for the snappy and zstd codecs. Values of every type but
 * boolean are dictionary-encoded per column chunk (a PLAIN dictionary page, RLE_DICTIONARY data
 * pages), falling back to PLAIN for the rest of the chunk when the dictionary would pass 1 MiB or
 * 65,536 entries or does not make the chunk's first page smaller (see {@code ParquetPageValues});
 * booleans are PLAIN. Every column chunk carries statistics (see {@code ParquetStatistics}): its
 * null count, and min_value and max_value in the order of the column's type under a TypeDefinedOrder
 * column order (signed or unsigned integers, floats without NaN and with a NaN count, booleans, text
 * and bytes as unsigned bytes shortened past 64 bytes, UUIDs, decimals); list columns carry their
 * elements' statistics.
 *
 * <p>How each column type is stored (see {@code TextForms} for the exact text forms):
 * <table>
 * <caption>Type mapping per format</caption>
 * <tr><th>type</th><th>Parquet</th><th>JSON Lines</th><th>CSV</th></tr>
 * <tr><td>bool</td><td>BOOLEAN</td><td>true/false</td><td>true/false</td></tr>
 * <tr><td>int8…int64, uint8…uint64</td><td>INT32/INT64 with INT(bits, signed)</td><td>number (uint64 too)</td>
 *     <td>digits</td></tr>
 * <tr><td>float32, float64</td><td>FLOAT, DOUBLE</td><td>number; "NaN", "+Inf", "-Inf"</td>
 *     <td>shortest decimal; NaN, +Inf, -Inf</td></tr>
 * <tr><td>decimal(p, s), p ≤ 38 after widening</td><td>DECIMAL (INT32, INT64 or FIXED_LEN_BYTE_ARRAY)</td>
 *     <td>string, scale digits</td><td>plain text, scale digits</td></tr>
 * <tr><td>numeric, decimal(p &gt; 38)</td><td>STRING: plain text, NaN, Infinity, -Infinity</td>
 *     <td>same text as a string</td><td>same text</td></tr>
 * <tr><td>date32</td><td>DATE; ±infinity as DuckDB's ±2147483647 days</td>
 *     <td>"2024-02-29", "infinity", "-infinity"</td><td>same</td></tr>
 * <tr><td>time64[us]</td><td>TIME(MICROS, local); 24:00 as 86400000000</td><td>"12:34:56.1", "24:00:00"</td>
 *     <td>"12:34:56.100000"</td></tr>
 * <tr><td>timetz</td><td>STRING "12:34:56.123456+05:30"</td><td>same text</td><td>same text</td></tr>
 * <tr><td>timestamp[us, tz=UTC]</td><td>TIMESTAMP(MICROS, UTC); ±infinity as DuckDB's ±(2^63-1)</td>
 *     <td>"2024-02-29T12:34:56.123456Z", "infinity"</td><td>same</td></tr>
 * <tr><td>timestamp[us]</td><td>TIMESTAMP(MICROS, local); ±infinity as above</td>
 *     <td>"2024-02-29T12:34:56.123456"</td><td>same</td></tr>
 * <tr><td>interval</td><td>STRING {"months":…,"days":…,"nanoseconds":…}</td><td>that object</td>
 *     <td>that object's text</td></tr>
 * <tr><td>utf8, inet, cidr, mac, mac8</td><td>STRING</td><td>string</td><td>text</td></tr>
 * <tr><td>binary</td><td>BINARY</td><td>base64</td><td>base64</td></tr>
 * <tr><td>uuid</td><td>FIXED_LEN_BYTE_ARRAY(16) UUID</td><td>string</td><td>text</td></tr>
 * <tr><td>json</td><td>BINARY JSON, the text</td><td>the document itself</td><td>the text</td></tr>
 * <tr><td>list</td><td>3-level LIST of optional elements</td><td>array</td><td>JSON array text</td></tr>
 * </table>
 */
package dev.sluice.files.format;
