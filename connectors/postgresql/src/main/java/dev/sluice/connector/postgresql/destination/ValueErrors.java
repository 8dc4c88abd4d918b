package dev.sluice.connector.postgresql.destination;

import dev.sluice.spi.ColumnType;
import java.math.BigDecimal;
import java.util.List;

/**
 * Why a column's type does not accept a value, in Sluice's type names: a value of the wrong
 * kind is named by the type it would fit ("a float64 value"), never by its Java class.
 */
final class ValueErrors {
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
        if (type.javaType().isInstance(v) || type.kind() == ColumnType.Kind.DECIMAL && (v instanceof BigDecimal || v instanceof Double d && d.isInfinite())) {
            return type.whyNot(v); // the right kind of value, out of the type's range
        }
        return article(type.displayName()) + " column cannot hold " + kind(v);
    }

    private static String kind(Object v) {
        return ColumnType.describe(v);
    }

    private static String article(String name) {
        return (name.matches("[aeio].*") ? "an " : "a ") + name;
    }
}
