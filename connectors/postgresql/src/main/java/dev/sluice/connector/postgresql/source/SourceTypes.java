package dev.sluice.connector.postgresql.source;

import static dev.sluice.connector.postgresql.PgNames.quote;

import dev.sluice.connector.postgresql.PgTypes;
import dev.sluice.spi.ColumnType;
import java.sql.SQLException;

/**
 * How a PostgreSQL column reads into a Sluice type: the most faithful {@link ColumnType}, and
 * the select expression that hands its values over as {@link PgTypes#declared} of that type,
 * which {@link dev.sluice.connector.postgresql.PgValues} reads.
 * <pre>
 * bool → bool             int2 → int16      int4 → int32      int8 → int64
 * float4 → float32        float8 → float64  numeric(p,s) → decimal(p,s)   numeric → numeric
 * money → numeric (::numeric: the amount, exact, without the locale's currency format)
 * text, name, "char" → utf8       varchar(n) → utf8 of at most n      char(n) → utf8 of n, padded
 * bytea → binary          uuid → uuid       json → json (text kept byte for byte)   jsonb → json
 * date → date32           time → time64[us]          timetz → timetz
 * timestamp → timestamp[us]        timestamptz → timestamp[us, tz=UTC]   interval → interval
 * inet, cidr, macaddr, macaddr8 → inet, cidr, mac, mac8
 * enum → utf8 (its label)          domain → its base type (with the domain's typmod and NOT NULL)
 * composite → json (to_jsonb)      T[] → list of T's type, nested per declared dimension (≥ 1)
 * anything else → utf8 (::text): ranges, multiranges, geometric types, tsvector, tsquery, xml,
 *   bit, varbit, pg_lsn, jsonpath, oid and reg* types, types of extensions
 * </pre>
 * An array whose element reads through a cast casts elementwise ({@code ::text[]},
 * {@code ::numeric[]}); an array of composites is one JSON value ({@code to_jsonb}), nested
 * arrays and all.
 *
 * @param notNull a domain on the way is NOT NULL
 */
record SourceTypes(ColumnType type, String selectExpression, boolean notNull) {

    /** How a value becomes one of {@link PgTypes#declared}(type): as it is, by a cast to it, or by {@code to_jsonb}. */
    private enum How { AS_IS, CAST, TO_JSONB }

    private record Mapping(ColumnType type, How how, boolean notNull) {
        Mapping domain(boolean domainNotNull) {
            return new Mapping(type, how == How.AS_IS ? How.CAST : how, notNull || domainNotNull);
        }
    }

    /**
     * @param oid        pg_attribute.atttypid
     * @param typmod     pg_attribute.atttypmod
     * @param dimensions pg_attribute.attndims (0 where PostgreSQL does not record them)
     */
    static SourceTypes of(String column, long oid, int typmod, int dimensions, SourceTypeCatalog catalog) throws SQLException {
        String c = quote(column);
        Mapping m = mapping(oid, typmod, Math.max(1, dimensions), catalog);
        String select = switch (m.how()) {
            case AS_IS -> c;
            case CAST -> c + "::" + PgTypes.declared(m.type());
            case TO_JSONB -> "to_jsonb(" + c + ")";
        };
        return new SourceTypes(m.type(), select, m.notNull());
    }

    private static Mapping mapping(long oid, int typmod, int dimensions, SourceTypeCatalog catalog) throws SQLException {
        SourceTypeCatalog.PgType t = catalog.type(oid);
        if (t.kind() == 'd') {
            return mapping(t.base(), t.baseTypmod(), dimensions, catalog).domain(t.notNull());
        }
        if (t.element() != 0) {
            Mapping element = mapping(t.element(), typmod, 1, catalog);
            if (element.how() == How.TO_JSONB) {
                return new Mapping(ColumnType.JSON, How.TO_JSONB, false);
            }
            ColumnType list = element.type();
            for (int d = 0; d < dimensions; d++) {
                list = ColumnType.list(list);
            }
            return new Mapping(list, element.how(), false);
        }
        return switch (t.kind()) {
            case 'c' -> new Mapping(ColumnType.JSON, How.TO_JSONB, false);
            case 'b' -> t.builtIn() ? builtIn(t.name(), typmod) : text();
            default -> text(); // enums, ranges, multiranges, pseudo-types
        };
    }

    private static Mapping builtIn(String name, int typmod) {
        return switch (name) {
            case "bool" -> same(ColumnType.BOOL);
            case "int2" -> same(ColumnType.INT16);
            case "int4" -> same(ColumnType.INT32);
            case "int8" -> same(ColumnType.INT64);
            case "float4" -> same(ColumnType.FLOAT32);
            case "float8" -> same(ColumnType.FLOAT64);
            case "numeric" -> same(typmod < 0 ? ColumnType.NUMERIC
                    : ColumnType.decimal(((typmod - 4) >> 16) & 0xffff, ((((typmod - 4) & 0x7ff) ^ 1024) - 1024)));
            case "money" -> new Mapping(ColumnType.NUMERIC, How.CAST, false);
            case "text" -> same(ColumnType.STRING);
            case "varchar" -> same(typmod < 0 ? ColumnType.STRING : ColumnType.varchar(typmod - 4));
            // an unbounded bpchar is read as it is: a cast to text would drop its trailing blanks
            case "bpchar" -> same(typmod < 0 ? ColumnType.STRING : ColumnType.fixedChar(typmod - 4));
            case "bytea" -> same(ColumnType.BYTES);
            case "uuid" -> same(ColumnType.UUID);
            case "json" -> same(new ColumnType.JsonType(true));
            case "jsonb" -> same(ColumnType.JSON);
            case "date" -> same(ColumnType.DATE);
            case "time" -> same(ColumnType.TIME);
            case "timetz" -> same(ColumnType.TIMETZ);
            case "timestamp" -> same(ColumnType.LOCAL_TIMESTAMP);
            case "timestamptz" -> same(ColumnType.TIMESTAMP);
            case "interval" -> same(ColumnType.INTERVAL);
            case "inet" -> same(ColumnType.INET);
            case "cidr" -> same(ColumnType.CIDR);
            case "macaddr" -> same(ColumnType.MAC);
            case "macaddr8" -> same(ColumnType.MAC8);
            default -> text();
        };
    }

    private static Mapping same(ColumnType type) {
        return new Mapping(type, How.AS_IS, false);
    }

    private static Mapping text() {
        return new Mapping(ColumnType.STRING, How.CAST, false);
    }
}
