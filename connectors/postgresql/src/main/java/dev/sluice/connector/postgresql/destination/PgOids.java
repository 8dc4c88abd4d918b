package dev.sluice.connector.postgresql.destination;

import dev.sluice.spi.ConnectorException;
import java.util.Map;

/**
 * The OID of each element type an array column can have, which binary COPY names in every
 * array value and the server checks against the column's (PostgreSQL's {@code pg_type}).
 */
final class PgOids {
    private static final Map<String, Integer> BY_NAME = Map.ofEntries(
            Map.entry("boolean", 16), Map.entry("bytea", 17), Map.entry("bigint", 20), Map.entry("smallint", 21),
            Map.entry("integer", 23), Map.entry("text", 25), Map.entry("json", 114), Map.entry("cidr", 650),
            Map.entry("real", 700), Map.entry("double precision", 701), Map.entry("macaddr8", 774),
            Map.entry("macaddr", 829), Map.entry("inet", 869), Map.entry("character", 1042),
            Map.entry("character varying", 1043), Map.entry("date", 1082), Map.entry("time without time zone", 1083),
            Map.entry("timestamp without time zone", 1114), Map.entry("timestamp with time zone", 1184),
            Map.entry("interval", 1186), Map.entry("time with time zone", 1266), Map.entry("numeric", 1700),
            Map.entry("uuid", 2950), Map.entry("jsonb", 3802));

    private PgOids() {
    }

    /**
     * The element type of an array type as {@code format_type()} prints it ({@code integer[]},
     * {@code character varying(10)[]}, {@code numeric(38,10)[]}).
     */
    static int element(String arrayType) {
        String base = arrayType.endsWith("[]") ? arrayType.substring(0, arrayType.length() - 2) : arrayType;
        Integer oid = BY_NAME.get(base.replaceAll("\\(\\d+(,-?\\d+)?\\)", ""));
        if (oid == null) {
            throw new ConnectorException("postgresql: arrays of " + base + " are not supported");
        }
        return oid;
    }
}
