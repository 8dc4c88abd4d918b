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

/**
 * The Parquet schema of a table: one field per column, required when the column is never null,
 * optional otherwise; list elements are always optional, in the standard three-level LIST
 * ({@code <col> (LIST) { repeated group list { optional element } }}). Each column has one leaf;
 * {@link ParquetValues} writes the values of each mapping. Logical types are written with the
 * converted type older readers take (none for UUID), as parquet-java writes them.
 */
final class ParquetSchema {
    /** The widest decimal most readers take (DuckDB, Athena, Spark); wider ones are stored as text. */
    static final int MAX_DECIMAL_PRECISION = 38;

    // Parquet's Type, FieldRepetitionType and ConvertedType (parquet.thrift)
    static final int BOOLEAN = 0;
    static final int INT32 = 1;
    static final int INT64 = 2;
    static final int FLOAT = 4;
    static final int DOUBLE = 5;
    static final int BYTE_ARRAY = 6;
    static final int FIXED_LEN_BYTE_ARRAY = 7;
    static final int GROUP = -1;
    static final int REQUIRED = 0;
    static final int OPTIONAL = 1;
    static final int REPEATED = 2;
    private static final int UTF8 = 0;
    private static final int LIST = 3;
    private static final int DECIMAL = 5;
    private static final int DATE = 6;
    private static final int TIME_MICROS = 8;
    private static final int TIMESTAMP_MICROS = 10;
    private static final int UINT_8 = 11;
    private static final int INT_8 = 15;
    private static final int JSON = 19;
    private static final int NONE = -1;

    /** A bounded decimal's scale and precision as stored. */
    record Decimal(int scale, int precision) {
    }

    /**
     * A LogicalType union member: its field id in parquet.thrift and up to two parameters
     * (TIME, TIMESTAMP: isAdjustedToUTC as 0/1; INTEGER: bitWidth, isSigned; DECIMAL: scale, precision).
     */
    record Logical(int field, int a, int b) {
        static final int STRING = 1;
        static final int LIST = 3;
        static final int DECIMAL = 5;
        static final int DATE = 6;
        static final int TIME = 7;
        static final int TIMESTAMP = 8;
        static final int INTEGER = 10;
        static final int JSON = 12;
        static final int UUID = 14;

        static Logical of(int field) {
            return new Logical(field, 0, 0);
        }
    }

    /** A SchemaElement: a primitive ({@code type} ≥ 0) or a group with children. */
    record Node(String name, int repetition, int type, int typeLength, int convertedType, Logical logical,
                List<Node> children) {
    }

    /** The leaf column of a table column: its path, physical and logical type (or null) and maximum levels. */
    record Leaf(List<String> path, int type, int typeLength, Logical logical, int maxDefinition, int maxRepetition) {
    }

    private final List<Node> fields;
    private final List<Leaf> leaves;

    private ParquetSchema(List<Node> fields, List<Leaf> leaves) {
        this.fields = fields;
        this.leaves = leaves;
    }

    static ParquetSchema of(TableSchema table) {
        List<Node> fields = new ArrayList<>();
        List<Leaf> leaves = new ArrayList<>();
        for (Column c : table.columns()) {
            Node node = field(c.name(), c.type(), c.notNull() ? REQUIRED : OPTIONAL);
            fields.add(node);
            leaves.add(leaf(node, new ArrayList<>(), 0, 0));
        }
        return new ParquetSchema(List.copyOf(fields), List.copyOf(leaves));
    }

    /** The top-level fields, one per column. */
    List<Node> fields() {
        return fields;
    }

    /** The leaves, one per column, in column order (the order of the column chunks). */
    List<Leaf> leaves() {
        return leaves;
    }

    /** The decimal a bounded decimal type is stored as, or null when it is stored as text. */
    static Decimal decimal(DecimalType t) {
        if (!t.bounded()) {
            return null;
        }
        // a negative scale or one above the precision (PostgreSQL allows both) becomes scale 0 or
        // enough precision for the fraction: every value that fits the type still fits
        int scale = Math.max(t.scale(), 0);
        int precision = Math.max(t.precision() - t.scale(), 0) + scale;
        return precision <= MAX_DECIMAL_PRECISION ? new Decimal(scale, precision) : null;
    }

    /** Bytes of a FIXED_LEN_BYTE_ARRAY that holds every unscaled value of {@code precision} digits. */
    static int decimalBytes(int precision) {
        return (int) Math.ceil((precision * Math.log(10) / Math.log(2) + 1) / 8);
    }

    private static Leaf leaf(Node node, List<String> path, int definition, int repetition) {
        path.add(node.name());
        int def = definition + (node.repetition() == REQUIRED ? 0 : 1);
        int rep = repetition + (node.repetition() == REPEATED ? 1 : 0);
        if (node.type() != GROUP) {
            return new Leaf(List.copyOf(path), node.type(), node.typeLength(), node.logical(), def, rep);
        }
        return leaf(node.children().get(0), path, def, rep);
    }

    private static Node field(String name, ColumnType type, int rep) {
        return switch (type.kind()) {
            case BOOL -> primitive(name, rep, BOOLEAN, NONE, null);
            case INT -> integer(name, (IntType) type, rep);
            case FLOAT -> primitive(name, rep, type.equals(ColumnType.FLOAT32) ? FLOAT : DOUBLE, NONE, null);
            case DECIMAL -> decimal(name, (DecimalType) type, rep);
            case DATE -> primitive(name, rep, INT32, DATE, Logical.of(Logical.DATE));
            case TIME -> ((TimeType) type).withZone() ? string(name, rep)
                    : primitive(name, rep, INT64, TIME_MICROS, new Logical(Logical.TIME, 0, 0));
            case TIMESTAMP -> primitive(name, rep, INT64, TIMESTAMP_MICROS,
                    new Logical(Logical.TIMESTAMP, ((TimestampType) type).withZone() ? 1 : 0, 0));
            case INTERVAL, STRING, INET, MAC -> string(name, rep);
            case BINARY -> primitive(name, rep, BYTE_ARRAY, NONE, null);
            case UUID -> new Node(name, rep, FIXED_LEN_BYTE_ARRAY, 16, NONE, Logical.of(Logical.UUID), List.of());
            case JSON -> primitive(name, rep, BYTE_ARRAY, JSON, Logical.of(Logical.JSON));
            case LIST -> new Node(name, rep, GROUP, 0, LIST, Logical.of(Logical.LIST), List.of(
                    new Node("list", REPEATED, GROUP, 0, NONE, null, List.of(
                            field("element", ((ListType) type).element(), OPTIONAL)))));
        };
    }

    private static Node integer(String name, IntType t, int rep) {
        int converted = (t.signed() ? INT_8 : UINT_8) + Integer.numberOfTrailingZeros(t.bits() / 8);
        return primitive(name, rep, t.bits() == 64 ? INT64 : INT32, converted,
                new Logical(Logical.INTEGER, t.bits(), t.signed() ? 1 : 0));
    }

    private static Node decimal(String name, DecimalType t, int rep) {
        Decimal d = decimal(t);
        if (d == null) {
            return string(name, rep);
        }
        Logical logical = new Logical(Logical.DECIMAL, d.scale(), d.precision());
        if (d.precision() <= 9) {
            return primitive(name, rep, INT32, DECIMAL, logical);
        }
        if (d.precision() <= 18) {
            return primitive(name, rep, INT64, DECIMAL, logical);
        }
        return new Node(name, rep, FIXED_LEN_BYTE_ARRAY, decimalBytes(d.precision()), DECIMAL, logical, List.of());
    }

    private static Node string(String name, int rep) {
        return primitive(name, rep, BYTE_ARRAY, UTF8, Logical.of(Logical.STRING));
    }

    private static Node primitive(String name, int rep, int type, int converted, Logical logical) {
        return new Node(name, rep, type, 0, converted, logical, List.of());
    }
}
