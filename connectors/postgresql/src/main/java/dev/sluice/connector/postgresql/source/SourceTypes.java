package dev.sluice.connector.postgresql.source;

import static dev.sluice.connector.postgresql.PgNames.quote;

import dev.sluice.spi.ColumnType;
import java.util.Set;

/**
 * How a PostgreSQL column reads into a Sluice type: the type, and the select expression that
 * hands the value over in the form the destination side's reader expects (bigint for every
 * integer, UTC timestamps, text for the rest).
 * <pre>
 * bool → bool            int2/int4/int8 → int64     float4/float8 → float64
 * numeric(20,0) → uint64 (CloudQuery's type for it; other numerics → string, exact text)
 * text/varchar/char/name/enums/other → string          bytea → bytes     uuid → uuid
 * json/jsonb → json      timestamp/timestamptz → timestamp (UTC)   date, time, interval → string
 * text[]/varchar[] → string_list                       int2[]/int4[]/int8[] → int64_list
 * </pre>
 */
record SourceTypes(ColumnType type, String selectExpression) {
    private static final Set<String> INTEGERS = Set.of("int2", "int4", "int8");
    private static final Set<String> TEXTS = Set.of("text", "varchar", "bpchar", "name");

    /**
     * @param typname   pg_type.typname of the column (for arrays, {@code _int4} and so on)
     * @param formatted format_type() of the column
     * @param element   typname of the array's element, or null
     */
    static SourceTypes of(String column, String typname, String formatted, String element) {
        String c = quote(column);
        if (element != null) {
            if (INTEGERS.contains(element)) {
                return new SourceTypes(ColumnType.INT64_LIST, c + "::bigint[]");
            }
            if (TEXTS.contains(element)) {
                return new SourceTypes(ColumnType.STRING_LIST, c + "::text[]");
            }
            return new SourceTypes(ColumnType.STRING, c + "::text");
        }
        return switch (typname) {
            case "bool" -> new SourceTypes(ColumnType.BOOL, c);
            case "int2", "int4" -> new SourceTypes(ColumnType.INT64, c + "::bigint");
            case "int8" -> new SourceTypes(ColumnType.INT64, c);
            case "float4" -> new SourceTypes(ColumnType.FLOAT64, c + "::float8");
            case "float8" -> new SourceTypes(ColumnType.FLOAT64, c);
            case "numeric" -> formatted.equals("numeric(20,0)")
                    ? new SourceTypes(ColumnType.UINT64, c) : new SourceTypes(ColumnType.STRING, c + "::text");
            case "bytea" -> new SourceTypes(ColumnType.BYTES, c);
            case "uuid" -> new SourceTypes(ColumnType.UUID, c);
            case "json", "jsonb" -> new SourceTypes(ColumnType.JSON, c + "::text");
            case "timestamp" -> new SourceTypes(ColumnType.TIMESTAMP, c);
            case "timestamptz" -> new SourceTypes(ColumnType.TIMESTAMP, "(" + c + " AT TIME ZONE 'UTC')");
            default -> new SourceTypes(ColumnType.STRING, c + "::text");
        };
    }
}
