package dev.sluice.functions.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SAM template JSON schema (draft-04). Validates a whole template, and each
 * AWS::Serverless::* resource against its own definition: the whole-template schema puts every
 * resource under an anyOf of all resource kinds, whose failure says little; the per-resource
 * pass names the property that is wrong.
 */
final class SamSchema {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ObjectNode schemaJson;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    private final Schema whole;

    private SamSchema(ObjectNode schemaJson) {
        this.schemaJson = schemaJson;
        this.whole = registry.getSchema(schemaJson.toString(), InputFormat.JSON);
    }

    static SamSchema read(Path file) {
        try {
            return new SamSchema((ObjectNode) JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every schema error of the template, as "where: message" lines. A SAM resource with errors
     * of its own is reported by those, not by the anyOf noise of the whole-template pass.
     */
    List<String> errors(Template template) {
        List<String> out = new ArrayList<>();
        Set<String> explained = new HashSet<>();
        for (Map.Entry<String, JsonNode> r : Template.entries(template.section("Resources"))) {
            String type = r.getValue().path("Type").asText();
            if (!type.startsWith("AWS::Serverless::")) {
                continue;
            }
            String definition = definitionOf(type);
            if (definition == null) {
                out.add("Resources." + r.getKey() + ": no SAM schema definition for " + type);
                continue;
            }
            for (Error e : resourceSchema(definition).validate(r.getValue().toString(), InputFormat.JSON)) {
                out.add("Resources." + r.getKey() + " " + e.getInstanceLocation() + ": " + e.getMessage());
                explained.add("/Resources/" + r.getKey());
            }
        }
        for (Error e : whole.validate(template.json().toString(), InputFormat.JSON)) {
            String at = e.getInstanceLocation().toString();
            if (explained.stream().noneMatch(r -> at.equals(r) || at.startsWith(r + "/"))) {
                out.add("template " + at + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** e.g. AWS::Serverless::HttpApi -> samtranslator__internal__schema_source__aws_serverless_httpapi__Resource */
    private String definitionOf(String type) {
        String kind = type.substring("AWS::Serverless::".length()).toLowerCase();
        String name = "samtranslator__internal__schema_source__aws_serverless_" + kind + "__Resource";
        return schemaJson.path("definitions").has(name) ? name : null;
    }

    private Schema resourceSchema(String definition) {
        ObjectNode s = JSON.createObjectNode();
        s.put("$schema", schemaJson.path("$schema").asText());
        s.put("$ref", "#/definitions/" + definition);
        s.set("definitions", schemaJson.get("definitions"));
        return registry.getSchema(s.toString(), InputFormat.JSON);
    }
}
