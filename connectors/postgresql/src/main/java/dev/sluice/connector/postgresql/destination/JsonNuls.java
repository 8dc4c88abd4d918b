package dev.sluice.connector.postgresql.destination;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * jsonb refuses the escape {@code \u0000}; CloudQuery's destination strips NUL from JSON
 * strings before writing, and so does this. Documents without the escape (nearly all) pass
 * through untouched; a document that does not parse is left for the server to reject.
 */
final class JsonNuls {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonNuls() {
    }

    static String strip(String json) {
        if (!json.contains("\\u0000") && json.indexOf('\0') < 0) {
            return json;
        }
        try {
            return MAPPER.writeValueAsString(clean(MAPPER.readTree(json.replace("\0", ""))));
        } catch (JsonProcessingException e) {
            return json;
        }
    }

    private static JsonNode clean(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(node.textValue().replace("\0", ""));
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(e -> out.add(clean(e)));
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            node.fields().forEachRemaining(fields::add);
            fields.forEach(f -> out.set(f.getKey().replace("\0", ""), clean(f.getValue())));
            return out;
        }
        return node;
    }
}
