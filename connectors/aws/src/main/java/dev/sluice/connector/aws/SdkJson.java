package dev.sluice.connector.aws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * JSON columns from SDK values, shaped as CloudQuery stores them: a structure as an object of
 * its members under AWS's member names ({@code {"AttributeName":"id","KeyType":"HASH"}}), a
 * member the service did not return left out (a query reads it as null either way), map keys sorted, timestamps as ISO-8601 text,
 * bytes as base64, enums as the service's strings; tags as one object of key to value.
 */
final class SdkJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private SdkJson() {
    }

    /** The JSON of an SDK structure, a list or map of them, or a scalar; null for null and absent values. */
    static String of(Object value) {
        if (absent(value)) {
            return null;
        }
        return write(g -> value(g, value));
    }

    /** Tags (or any string map) as a JSON object; null or empty is {@code {}}. */
    static String tags(Map<String, String> tags) {
        return of(tags == null ? Map.of() : tags);
    }

    /** Tags given as a list of key-value structures, as CloudQuery has them: {@code {"key": "value"}}. */
    static <T> String tags(Collection<T> tags, Function<T, String> key, Function<T, String> value) {
        if (tags == null) {
            return null;
        }
        return write(g -> {
            g.writeStartObject();
            for (T tag : tags) {
                g.writeStringField(key.apply(tag), value.apply(tag));
            }
            g.writeEndObject();
        });
    }

    /** Null, or a list or map the service did not return (the SDK's auto-constructed placeholders). */
    private static boolean absent(Object value) {
        return value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap;
    }

    private interface Writer {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(Writer writer) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writer.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (absent(v)) {
            g.writeNull();
        } else if (v instanceof SdkPojo pojo) {
            g.writeStartObject();
            for (SdkField<?> field : pojo.sdkFields()) {
                Object member = field.getValueOrDefault(pojo);
                if (!absent(member)) {
                    g.writeFieldName(field.memberName());
                    value(g, member);
                }
            }
            g.writeEndObject();
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> list) {
            g.writeStartArray();
            for (Object e : list) {
                value(g, e);
            }
            g.writeEndArray();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Number n) {
            g.writeNumber(n.toString());
        } else if (v instanceof Instant i) {
            g.writeString(i.toString());
        } else if (v instanceof SdkBytes bytes) {
            g.writeString(java.util.Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe()));
        } else {
            g.writeString(v.toString());
        }
    }
}
