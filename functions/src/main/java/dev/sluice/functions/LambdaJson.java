package dev.sluice.functions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Events in and responses out as JSON. The handlers read raw JSON rather than binding to event
 * classes, so an event of the wrong kind or a malformed one is reported, never thrown.
 */
final class LambdaJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private LambdaJson() {
    }

    /** The event, or a missing node when it is not JSON. */
    static JsonNode read(InputStream in) {
        try {
            byte[] bytes = in.readAllBytes();
            JsonNode node = bytes.length == 0 ? null : MAPPER.readTree(bytes);
            return node == null ? MissingNode.getInstance() : node;
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(OutputStream out, Object value) {
        try {
            MAPPER.writeValue(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
