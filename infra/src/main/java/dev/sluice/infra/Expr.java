package dev.sluice.infra;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Placeholders for one DynamoDB expression: every attribute name goes through {@link #n}
 * (many of Sluice's are reserved words), every value through {@link #v}; only what was used
 * is sent, as DynamoDB requires.
 */
final class Expr {
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();

    /** The placeholder of attribute {@code name} (letters, digits and underscores). */
    String n(String name) {
        String key = "#" + name;
        names.put(key, name);
        return key;
    }

    /** A placeholder for {@code value}. */
    String v(AttributeValue value) {
        String key = ":v" + values.size();
        values.put(key, value);
        return key;
    }

    /** {@code name = value}. */
    String eq(String name, AttributeValue value) {
        return n(name) + " = " + v(value);
    }

    /** The names, or null when none was used. */
    Map<String, String> names() {
        return names.isEmpty() ? null : names;
    }

    /** The values, or null when none was used. */
    Map<String, AttributeValue> values() {
        return values.isEmpty() ? null : values;
    }
}
