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

/**
 * JSON columns from SDK values, shaped as CloudQuery stores them: a structure as an object of
 * its members under AWS's member names ({@code PermissionsBoundaryArn}), absent members as null,
 * timestamps as ISO-8601 text, lists as arrays; tags as one object of key to value.
 */
final class SdkJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private SdkJson() {
    }

    /** The JSON of an SDK structure, a list or map of them, or a scalar; null stays null. */
    static String of(Object value) {
        if (value == null) {
            return null;
        }
        return write(g -> value(g, value));
    }

    /** Tags as CloudQuery has them, {@code {"key": "value"}}; an empty list is {@code {}}. */
    static <T> String tags(Collection<T> tags, java.util.function.Function<T, String> key,
                           java.util.function.Function<T, String> value) {
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
        if (v == null) {
            g.writeNull();
        } else if (v instanceof SdkPojo pojo) {
            g.writeStartObject();
            for (SdkField<?> field : pojo.sdkFields()) {
                g.writeFieldName(field.memberName());
                value(g, field.getValueOrDefault(pojo));
            }
            g.writeEndObject();
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
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
