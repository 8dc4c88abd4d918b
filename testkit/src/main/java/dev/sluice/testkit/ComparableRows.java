package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.fail;

import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.TableSchema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Rows turned into lists that compare by value and print readably: byte arrays as hex, values
 * over 200 characters or 64 bytes as their length and SHA-256, JSON through a destination's
 * normalizer. Also checks that every value has the Java type its {@link ColumnType} carries.
 */
public final class ComparableRows {
    private static final int SHORT = 200;

    private ComparableRows() {
    }

    public static List<List<Object>> of(TableSchema schema, List<Object[]> rows, UnaryOperator<String> normalizeJson) {
        List<List<Object>> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            out.add(of(schema, row, normalizeJson));
        }
        return out;
    }

    public static List<Object> of(TableSchema schema, Object[] row, UnaryOperator<String> normalizeJson) {
        if (row.length != schema.columns().size()) {
            fail("table \"%s\": a row has %d values for %d columns", schema.name(), row.length, schema.columns().size());
        }
        List<Object> out = new ArrayList<>(row.length);
        for (int i = 0; i < row.length; i++) {
            Column c = schema.columns().get(i);
            requireJavaType(schema.name(), c, row[i]);
            out.add(comparable(c.type(), row[i], normalizeJson));
        }
        return out;
    }

    private static Object comparable(ColumnType type, Object v, UnaryOperator<String> normalizeJson) {
        if (v == null) {
            return null;
        }
        if (v instanceof byte[] b) {
            return b.length <= 64 ? "bytes[" + b.length + "]:" + HexFormat.of().formatHex(b)
                    : "bytes[" + b.length + "] sha256:" + sha256(b);
        }
        if (v instanceof String s) {
            String text = type instanceof ColumnType.JsonType j && !j.exactText() ? normalizeJson.apply(s) : s;
            return text.length() <= SHORT ? text
                    : "string[" + text.length() + "] sha256:" + sha256(text.getBytes(StandardCharsets.UTF_8));
        }
        if (v instanceof BigDecimal d) {
            return "decimal:" + d.stripTrailingZeros().toPlainString(); // by value: a destination may pad to its scale
        }
        if (v instanceof List<?> list) {
            ColumnType element = type instanceof ColumnType.ListType l ? l.element() : type;
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(e -> out.add(comparable(element, e, normalizeJson)));
            return out;
        }
        return v;
    }

    private static void requireJavaType(String table, Column c, Object v) {
        if (!c.type().accepts(v)) {
            fail("table \"%s\", column \"%s\": got a %s (%s), but %s", table, c.name(), v.getClass().getName(), v,
                    c.type().whyNot(v));
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
