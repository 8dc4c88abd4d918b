package dev.sluice.connector.postgresql.destination;

import dev.sluice.spi.ColumnType;
import java.math.BigDecimal;
import java.util.List;

/**
 * Why a column's type does not accept a value, in Sluice's type names: a value of the wrong
 * kind is named by the type it would fit ("a float64 value"), never by its Java class.
 */
final class ValueErrors {
    /** A type for each value class, to name a value that fits none of a column's. */
    private static final List<ColumnType> NAMED = List.of(ColumnType.BOOL, ColumnType.INT64, ColumnType.UINT64,
            ColumnType.FLOAT32, ColumnType.FLOAT64, ColumnType.NUMERIC, ColumnType.DATE, ColumnType.TIME,
            ColumnType.TIMETZ, ColumnType.TIMESTAMP, ColumnType.LOCAL_TIMESTAMP, ColumnType.INTERVAL,
            ColumnType.STRING, ColumnType.BYTES, ColumnType.UUID);

    private ValueErrors() {
    }

    static String whyNot(ColumnType type, Object v) {
        if (type instanceof ColumnType.ListType l && v instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (!l.element().accepts(list.get(i))) {
                    return "element [" + (i + 1) + "]: " + whyNot(l.element(), list.get(i));
                }
            }
        }
        if (type.javaType().isInstance(v) || type.kind() == ColumnType.Kind.DECIMAL && v instanceof BigDecimal) {
            return type.whyNot(v); // the right kind of value, out of the type's range
        }
        return article(type.displayName()) + " column cannot hold " + kind(v);
    }

    private static String kind(Object v) {
        if (v instanceof List) {
            return "a list";
        }
        for (ColumnType t : NAMED) {
            if (t.accepts(v)) {
                return article(t.displayName()) + " value";
            }
        }
        return "a value of a type Sluice does not know";
    }

    private static String article(String name) {
        return (name.matches("[aeio].*") ? "an " : "a ") + name;
    }
}
