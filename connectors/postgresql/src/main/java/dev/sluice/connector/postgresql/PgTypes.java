package dev.sluice.connector.postgresql;

import dev.sluice.spi.ColumnType;

/**
 * The PostgreSQL type of each {@link ColumnType}: the same type where PostgreSQL has it, so a
 * PostgreSQL source's columns arrive with the types they had. The names are the ones
 * {@code format_type()} prints, so a stored column's type compares with a wanted one as text.
 * <pre>
 * bool boolean            int8, int16, uint8 smallint     int32, uint16 integer    int64, uint32 bigint
 * uint64 numeric(20,0)    float32 real                    float64 double precision
 * decimal(p, s) numeric(p,s)                              numeric numeric
 * date32 date             time64[us] time without time zone      timetz time with time zone
 * timestamp[us, tz=UTC] timestamp with time zone          timestamp[us] timestamp without time zone
 * month_day_nano_interval interval                        utf8 text, character varying(n), character(n)
 * binary bytea            uuid uuid                       json jsonb, or json when the text must be kept
 * inet inet               cidr cidr                       mac macaddr              mac8 macaddr8
 * list&lt;item: T&gt; T[] (any number of dimensions)
 * </pre>
 */
public final class PgTypes {
    private PgTypes() {
    }

    /** The type a column of {@code type} is created with, as {@code format_type()} prints it. */
    public static String declared(ColumnType type) {
        return switch (type.kind()) {
            case BOOL -> "boolean";
            case INT -> integer((ColumnType.IntType) type);
            case FLOAT -> type.equals(ColumnType.FLOAT32) ? "real" : "double precision";
            case DECIMAL -> {
                ColumnType.DecimalType d = (ColumnType.DecimalType) type;
                yield d.bounded() ? "numeric(" + d.precision() + "," + d.scale() + ")" : "numeric";
            }
            case DATE -> "date";
            case TIME -> ((ColumnType.TimeType) type).withZone() ? "time with time zone" : "time without time zone";
            case TIMESTAMP -> ((ColumnType.TimestampType) type).withZone()
                    ? "timestamp with time zone" : "timestamp without time zone";
            case INTERVAL -> "interval";
            case STRING -> {
                ColumnType.StringType t = (ColumnType.StringType) type;
                yield t.maxLength() == 0 ? "text"
                        : (t.fixed() ? "character(" : "character varying(") + t.maxLength() + ")";
            }
            case BINARY -> "bytea";
            case UUID -> "uuid";
            case JSON -> ((ColumnType.JsonType) type).exactText() ? "json" : "jsonb";
            case INET -> ((ColumnType.InetType) type).cidr() ? "cidr" : "inet";
            case MAC -> ((ColumnType.MacType) type).bytes() == 6 ? "macaddr" : "macaddr8";
            case LIST -> declared(((ColumnType.ListType) type).scalar()) + "[]";
        };
    }

    /**
     * True when a stored column of type {@code stored} (as {@code format_type()} prints it) holds
     * {@code wanted} values as well as a column declared {@link #declared} would: the same type,
     * or an instant stored as {@code timestamp without time zone} (UTC), as tables created before
     * Sluice declared instants {@code timestamp with time zone} have them.
     */
    public static boolean holds(String stored, ColumnType wanted) {
        String declared = declared(wanted);
        if (stored.equals(declared)) {
            return true;
        }
        return wanted.equals(ColumnType.TIMESTAMP) && stored.equals("timestamp without time zone")
                || wanted.equals(ColumnType.list(ColumnType.TIMESTAMP)) && stored.equals("timestamp without time zone[]");
    }

    /** PostgreSQL has no 1-byte integer and no unsigned ones: each goes to the smallest signed type holding its range. */
    private static String integer(ColumnType.IntType t) {
        int bits = t.signed() ? t.bits() : t.bits() * 2;
        return switch (bits) {
            case 8, 16 -> "smallint";
            case 32 -> "integer";
            case 64 -> "bigint";
            default -> "numeric(20,0)"; // uint64
        };
    }

}
