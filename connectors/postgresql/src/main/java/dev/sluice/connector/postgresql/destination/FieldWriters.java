package dev.sluice.connector.postgresql.destination;

import dev.sluice.connector.postgresql.PgTypes;
import dev.sluice.spi.ColumnType;

/**
 * The {@link FieldWriter} of each column type, chosen once per column: the send format of
 * the PostgreSQL type {@link PgTypes#declared} creates the column with.
 */
final class FieldWriters {
    private FieldWriters() {
    }

    /**
     * @param target the COPY target column's type as {@code format_type()} prints it: the
     *               declared one, or a stored one that {@link PgTypes#holds holds} the type
     */
    static FieldWriter of(ColumnType type, String target) {
        return switch (type.kind()) {
            case BOOL -> ScalarSend::bool;
            case INT -> switch (PgTypes.declared(type)) {
                case "smallint" -> ScalarSend::int2;
                case "integer" -> ScalarSend::int4;
                case "bigint" -> ScalarSend::int8;
                default -> ScalarSend::uint64;
            };
            case FLOAT -> type.equals(ColumnType.FLOAT32) ? ScalarSend::float4 : ScalarSend::float8;
            case DECIMAL -> NumericSend.writer((ColumnType.DecimalType) type);
            case DATE -> TimeSend::date;
            case TIME -> ((ColumnType.TimeType) type).withZone() ? TimeSend::timetz : TimeSend::time;
            case TIMESTAMP -> ((ColumnType.TimestampType) type).withZone() ? TimeSend::timestamptz : TimeSend::timestamp;
            case INTERVAL -> TimeSend::interval;
            case STRING -> ScalarSend::text;
            case BINARY -> ScalarSend::bytea;
            case UUID -> ScalarSend::uuid;
            case JSON -> ((ColumnType.JsonType) type).exactText() ? ScalarSend::json : ScalarSend::jsonb;
            case INET -> InetSend.writer(((ColumnType.InetType) type).cidr());
            case MAC -> MacSend.writer(((ColumnType.MacType) type).bytes());
            case LIST -> {
                ColumnType.ListType list = (ColumnType.ListType) type;
                yield new ArrayWriter(list, of(list.scalar(), PgTypes.declared(list.scalar())), PgOids.element(target));
            }
        };
    }
}
