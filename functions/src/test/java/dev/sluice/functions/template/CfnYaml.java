package dev.sluice.functions.template;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a CloudFormation YAML template into the JSON CloudFormation itself would see: the
 * short-form tags ({@code !Ref}, {@code !GetAtt}, {@code !Sub}, {@code !If}, ...) become their
 * long forms ({@code {"Ref": ..}}, {@code {"Fn::GetAtt": [..]}}, ...). An unknown tag is an error.
 */
final class CfnYaml {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Tag (without "!") to long-form key; GetAtt's scalar form is split at the first dot. */
    private static final Map<String, String> TAGS = Map.ofEntries(
            Map.entry("Ref", "Ref"),
            Map.entry("Condition", "Condition"),
            Map.entry("GetAtt", "Fn::GetAtt"),
            Map.entry("Sub", "Fn::Sub"),
            Map.entry("If", "Fn::If"),
            Map.entry("Equals", "Fn::Equals"),
            Map.entry("Not", "Fn::Not"),
            Map.entry("And", "Fn::And"),
            Map.entry("Or", "Fn::Or"),
            Map.entry("Contains", "Fn::Contains"),
            Map.entry("EachMemberEquals", "Fn::EachMemberEquals"),
            Map.entry("EachMemberIn", "Fn::EachMemberIn"),
            Map.entry("ValueOf", "Fn::ValueOf"),
            Map.entry("RefAll", "Fn::RefAll"),
            Map.entry("Select", "Fn::Select"),
            Map.entry("Split", "Fn::Split"),
            Map.entry("Join", "Fn::Join"),
            Map.entry("FindInMap", "Fn::FindInMap"),
            Map.entry("GetAZs", "Fn::GetAZs"),
            Map.entry("ImportValue", "Fn::ImportValue"),
            Map.entry("Base64", "Fn::Base64"),
            Map.entry("Cidr", "Fn::Cidr"),
            Map.entry("Length", "Fn::Length"),
            Map.entry("ToJsonString", "Fn::ToJsonString"),
            Map.entry("Transform", "Fn::Transform"));

    private CfnYaml() {
    }

    static JsonNode read(Path file) {
        try (YAMLParser p = new YAMLFactory().createParser(Files.newBufferedReader(file))) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new IllegalArgumentException(file + " is empty");
            }
            return value(p, file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The value that starts at the parser's current token, its tag applied. */
    private static JsonNode value(YAMLParser p, Path file) throws IOException {
        String tag = p.getTypeId();
        JsonNode plain = switch (p.currentToken()) {
            case START_OBJECT -> object(p, file);
            case START_ARRAY -> array(p, file);
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IllegalStateException(file + ": unexpected " + p.currentToken()
                    + " at line " + p.currentLocation().getLineNr());
        };
        return tag == null ? plain : tagged(tag, plain, p, file);
    }

    private static JsonNode tagged(String tag, JsonNode plain, YAMLParser p, Path file) {
        if (tag.startsWith("tag:yaml.org,2002:")) {
            return plain; // a standard tag such as !!str
        }
        String key = TAGS.get(tag);
        if (key == null) {
            throw new IllegalArgumentException(file + ": unknown tag !" + tag + " at line "
                    + p.currentLocation().getLineNr());
        }
        JsonNode arg = plain;
        if (key.equals("Fn::GetAtt") && plain.isTextual()) {
            String s = plain.asText();
            int dot = s.indexOf('.');
            if (dot <= 0) {
                throw new IllegalArgumentException(file + ": !GetAtt " + s + " is not Resource.Attribute");
            }
            arg = NODES.arrayNode().add(s.substring(0, dot)).add(s.substring(dot + 1));
        }
        ObjectNode n = NODES.objectNode();
        n.set(key, arg);
        return n;
    }

    private static ObjectNode object(YAMLParser p, Path file) throws IOException {
        ObjectNode o = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (o.has(name)) {
                throw new IllegalArgumentException(file + ": duplicate key " + name + " at line "
                        + p.currentLocation().getLineNr());
            }
            o.set(name, value(p, file));
        }
        return o;
    }

    private static ArrayNode array(YAMLParser p, Path file) throws IOException {
        ArrayNode a = NODES.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            a.add(value(p, file));
        }
        return a;
    }
}
