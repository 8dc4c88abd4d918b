package dev.sluice.connector.aws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * SDK structures as the JSON text CloudQuery stores in its json columns: an object per
 * structure, keyed by the service's member names ({@code {"AttributeName":"id","KeyType":"HASH"}}),
 * timestamps as ISO-8601 text, enums as the service's strings. Members the service did not
 * return are left out.
 */
final class SdkJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private SdkJson() {
    }

    /** The JSON text of an SDK structure, list or map, or null for null and absent values. */
    static String of(Object value) {
        if (value == null || absent(value)) {
            return null;
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Tags (or any string map) as a JSON object; an empty map is {@code {}}. */
    static String tags(Map<String, String> tags) {
        return of(tags == null ? Map.of() : Map.copyOf(tags));
    }

    private static boolean absent(Object value) {
        return value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap;
    }

    private static void write(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof SdkPojo pojo) {
            g.writeStartObject();
            for (SdkField<?> field : pojo.sdkFields()) {
                Object member = field.getValueOrDefault(pojo);
                if (member != null && !absent(member)) {
                    g.writeFieldName(field.memberName());
                    write(g, member);
                }
            }
            g.writeEndObject();
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : new java.util.TreeMap<>(map).entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof Collection<?> list) {
            g.writeStartArray();
            for (Object e : list) {
                write(g, e);
            }
            g.writeEndArray();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number n) {
            g.writeNumber(n.toString());
        } else if (value instanceof Instant t) {
            g.writeString(t.toString());
        } else if (value instanceof SdkBytes bytes) {
            g.writeBinary(bytes.asByteArrayUnsafe());
        } else {
            g.writeString(value.toString());
        }
    }
}
