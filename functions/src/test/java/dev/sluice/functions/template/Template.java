package dev.sluice.functions.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A parsed SAM template with the look-ups the checks need: resources by type, Globals merged, parameters resolved. */
final class Template {
    private final JsonNode root;

    private Template(JsonNode root) {
        this.root = root;
    }

    static Template read(Path file) {
        return new Template(CfnYaml.read(file));
    }

    JsonNode json() {
        return root;
    }

    JsonNode section(String name) {
        JsonNode n = root.path(name);
        return n.isObject() ? n : JsonNodeFactory.instance.objectNode();
    }

    /** Logical id to resource, for resources of {@code type}, in template order. */
    Map<String, JsonNode> resources(String type) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : entries(section("Resources"))) {
            if (type.equals(e.getValue().path("Type").asText())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    Optional<JsonNode> resource(String id) {
        return Optional.ofNullable(section("Resources").get(id));
    }

    /** A function's Properties with Globals.Function underneath (maps merge, the function wins), as SAM does. */
    ObjectNode functionProperties(String id) {
        ObjectNode merged = section("Globals").path("Function").isObject()
                ? ((ObjectNode) section("Globals").path("Function")).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        mergeInto(merged, section("Resources").path(id).path("Properties"));
        return merged;
    }

    private static void mergeInto(ObjectNode base, JsonNode over) {
        for (Map.Entry<String, JsonNode> e : entries(over)) {
            JsonNode old = base.get(e.getKey());
            if (old != null && old.isObject() && e.getValue().isObject() && !isIntrinsic(old) && !isIntrinsic(e.getValue())) {
                ObjectNode copy = ((ObjectNode) old).deepCopy();
                mergeInto(copy, e.getValue());
                base.set(e.getKey(), copy);
            } else {
                base.set(e.getKey(), e.getValue());
            }
        }
    }

    static boolean isIntrinsic(JsonNode n) {
        if (!n.isObject() || n.size() != 1) {
            return false;
        }
        String key = n.fieldNames().next();
        return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
    }

    /** The Ref target of {@code {"Ref": x}}, if that is what the node is. */
    static Optional<String> refName(JsonNode n) {
        return n != null && n.isObject() && n.size() == 1 && n.has("Ref") && n.get("Ref").isTextual()
                ? Optional.of(n.get("Ref").asText()) : Optional.empty();
    }

    /** The resource of {@code {"Fn::GetAtt": [r, a]}} when its attribute is {@code attribute}. */
    static Optional<String> getAttResource(JsonNode n, String attribute) {
        if (n == null || !n.isObject() || !n.has("Fn::GetAtt")) {
            return Optional.empty();
        }
        JsonNode a = n.get("Fn::GetAtt");
        return a.isArray() && a.size() == 2 && a.get(1).asText().equals(attribute)
                ? Optional.of(a.get(0).asText()) : Optional.empty();
    }

    /**
     * Every number a value can take: a literal gives itself; a Ref to a Number parameter gives
     * its Default, MinValue and MaxValue (whichever are set). Empty if it cannot be resolved.
     */
    List<Long> possibleNumbers(JsonNode value) {
        List<Long> out = new ArrayList<>();
        if (value == null || value.isMissingNode()) {
            return out;
        }
        if (value.isNumber() || (value.isTextual() && value.asText().matches("-?\\d+"))) {
            out.add(value.asLong());
            return out;
        }
        refName(value).map(name -> section("Parameters").get(name)).ifPresent(p -> {
            for (String key : List.of("Default", "MinValue", "MaxValue")) {
                JsonNode v = p.get(key);
                if (v != null && (v.isNumber() || v.asText().matches("-?\\d+"))) {
                    out.add(v.asLong());
                }
            }
            p.path("AllowedValues").forEach(v -> out.add(v.asLong()));
        });
        return out;
    }

    /**
     * A queue's visibility timeout for each value its consumer's timeout can take: a literal
     * visibility holds for every timeout; {@code !FindInMap [M, !Ref Timeout, attr]} gives the
     * mapping's value under each allowed value of the timeout parameter. Empty when neither.
     */
    Map<Long, Long> visibilityByTimeout(JsonNode visibility, JsonNode timeout) {
        Map<Long, Long> out = new LinkedHashMap<>();
        List<Long> timeouts = possibleNumbers(timeout);
        List<Long> literal = possibleNumbers(visibility);
        if (!literal.isEmpty()) {
            timeouts.forEach(t -> out.put(t, java.util.Collections.min(literal)));
            return out;
        }
        JsonNode find = visibility.path("Fn::FindInMap");
        if (find.isArray() && refName(find.get(1)).equals(refName(timeout)) && refName(timeout).isPresent()) {
            for (Long t : timeouts) {
                JsonNode v = section("Mappings").path(find.get(0).asText()).path(Long.toString(t)).path(find.get(2).asText());
                out.put(t, v.isNumber() ? v.asLong() : -1L);
            }
        }
        return out;
    }

    static Iterable<Map.Entry<String, JsonNode>> entries(JsonNode n) {
        return n == null ? List.of() : () -> {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            return it;
        };
    }
}
