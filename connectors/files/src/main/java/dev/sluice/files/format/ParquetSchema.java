package dev.sluice.files.format;

import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.ColumnType.DecimalType;
import dev.sluice.spi.ColumnType.IntType;
import dev.sluice.spi.ColumnType.ListType;
import dev.sluice.spi.ColumnType.TimeType;
import dev.sluice.spi.ColumnType.TimestampType;
import dev.sluice.spi.TableSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema of a table: one field per column, required when the column is never null,
 * optional otherwise; list elements are always optional, in the standard three-level LIST.
 * {@link ParquetValues} writes the values of each mapping.
 */
final class ParquetSchema {
    /** The widest decimal most readers take (DuckDB, Athena, Spark); wider ones are stored as text. */
    static final int MAX_DECIMAL_PRECISION = 38;

    private ParquetSchema() {
    }

    static MessageType of(TableSchema table) {
        List<Type> fields = new ArrayList<>();
        for (Column c : table.columns()) {
            fields.add(field(c.name(), c.type(), c.notNull() ? Repetition.REQUIRED : Repetition.OPTIONAL));
        }
        return new MessageType("schema", fields);
    }

    /** The decimal a bounded decimal type is stored as, or null when it is stored as text. */
    static LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal(DecimalType t) {
        if (!t.bounded()) {
            return null;
        }
        // a negative scale or one above the precision (PostgreSQL allows both) becomes scale 0 or
        // enough precision for the fraction: every value that fits the type still fits
        int scale = Math.max(t.scale(), 0);
        int precision = Math.max(t.precision() - t.scale(), 0) + scale;
        return precision <= MAX_DECIMAL_PRECISION ? LogicalTypeAnnotation.decimalType(scale, precision) : null;
    }

    /** Bytes of a FIXED_LEN_BYTE_ARRAY that holds every unscaled value of {@code precision} digits. */
    static int decimalBytes(int precision) {
        return (int) Math.ceil((precision * Math.log(10) / Math.log(2) + 1) / 8);
    }

    private static Type field(String name, ColumnType type, Repetition rep) {
        return switch (type.kind()) {
            case BOOL -> Types.primitive(PrimitiveTypeName.BOOLEAN, rep).named(name);
            case INT -> integer(name, (IntType) type, rep);
            case FLOAT -> Types.primitive(type.equals(ColumnType.FLOAT32) ? PrimitiveTypeName.FLOAT : PrimitiveTypeName.DOUBLE,
                    rep).named(name);
            case DECIMAL -> decimal(name, (DecimalType) type, rep);
            case DATE -> Types.primitive(PrimitiveTypeName.INT32, rep).as(LogicalTypeAnnotation.dateType()).named(name);
            case TIME -> ((TimeType) type).withZone() ? string(name, rep)
                    : Types.primitive(PrimitiveTypeName.INT64, rep)
                            .as(LogicalTypeAnnotation.timeType(false, TimeUnit.MICROS)).named(name);
            case TIMESTAMP -> Types.primitive(PrimitiveTypeName.INT64, rep)
                    .as(LogicalTypeAnnotation.timestampType(((TimestampType) type).withZone(), TimeUnit.MICROS)).named(name);
            case INTERVAL, STRING, INET, MAC -> string(name, rep);
            case BINARY -> Types.primitive(PrimitiveTypeName.BINARY, rep).named(name);
            case UUID -> Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, rep).length(16)
                    .as(LogicalTypeAnnotation.uuidType()).named(name);
            case JSON -> Types.primitive(PrimitiveTypeName.BINARY, rep).as(LogicalTypeAnnotation.jsonType()).named(name);
            case LIST -> Types.list(rep).element(field("element", ((ListType) type).element(), Repetition.OPTIONAL)).named(name);
        };
    }

    private static Type integer(String name, IntType t, Repetition rep) {
        PrimitiveTypeName physical = t.bits() == 64 ? PrimitiveTypeName.INT64 : PrimitiveTypeName.INT32;
        return Types.primitive(physical, rep).as(LogicalTypeAnnotation.intType(t.bits(), t.signed())).named(name);
    }

    private static Type decimal(String name, DecimalType t, Repetition rep) {
        LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d = decimal(t);
        if (d == null) {
            return string(name, rep);
        }
        if (d.getPrecision() <= 9) {
            return Types.primitive(PrimitiveTypeName.INT32, rep).as(d).named(name);
        }
        if (d.getPrecision() <= 18) {
            return Types.primitive(PrimitiveTypeName.INT64, rep).as(d).named(name);
        }
        return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, rep).length(decimalBytes(d.getPrecision())).as(d)
                .named(name);
    }

    private static Type string(String name, Repetition rep) {
        return Types.primitive(PrimitiveTypeName.BINARY, rep).as(LogicalTypeAnnotation.stringType()).named(name);
    }
}
