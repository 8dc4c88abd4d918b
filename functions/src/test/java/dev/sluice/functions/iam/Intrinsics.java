package dev.sluice.functions.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves CloudFormation intrinsic functions in an (expanded) template for one set of
 * parameter values, as a stack in {@code region} of {@code account} would: conditions, Fn::If,
 * Sub, Join, Split, Select, FindInMap, Ref and GetAtt. A resource's physical name is its logical
 * id (so an emulator can create it under that name), its ARN the one AWS gives its type.
 */
public final class Intrinsics {
    /** Stands for AWS::NoValue until its key or element is dropped. */
    private static final JsonNode NO_VALUE = TextNode.valueOf("\u0000AWS::NoValue");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern SUB = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final JsonNode template;
    private final Map<String, String> parameters = new HashMap<>();
    private final String region;
    private final String account;

    public Intrinsics(JsonNode template, Map<String, String> overrides, String region, String account) {
        this.template = template;
        this.region = region;
        this.account = account;
        Iterator<Map.Entry<String, JsonNode>> it = template.path("Parameters").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> p = it.next();
            parameters.put(p.getKey(), p.getValue().path("Default").asText(""));
        }
        parameters.putAll(overrides);
    }

    public JsonNode resolve(JsonNode n) {
        if (n.isArray()) {
            ArrayNode out = NODES.arrayNode();
            n.forEach(e -> {
                JsonNode r = resolve(e);
                if (r != NO_VALUE) {
                    out.add(r);
                }
            });
            return out;
        }
        if (!n.isObject()) {
            return n;
        }
        if (n.size() == 1) {
            String key = n.fieldNames().next();
            JsonNode arg = n.get(key);
            switch (key) {
                case "Ref": return ref(arg.asText());
                case "Fn::GetAtt": return TextNode.valueOf(getAtt(arg.get(0).asText(), arg.get(1).asText()));
                case "Fn::Sub": return TextNode.valueOf(sub(arg));
                case "Fn::Join": return TextNode.valueOf(join(arg));
                case "Fn::Split": return split(arg);
                case "Fn::Select": return resolve(arg.get(1)).get(resolve(arg.get(0)).asInt());
                case "Fn::If": return condition(arg.get(0).asText()) ? resolve(arg.get(1)) : resolve(arg.get(2));
                case "Fn::FindInMap": return template.path("Mappings").path(resolve(arg.get(0)).asText())
                        .path(resolve(arg.get(1)).asText()).path(resolve(arg.get(2)).asText());
                default:
                    if (key.startsWith("Fn::") || key.equals("Condition")) {
                        return NODES.booleanNode(bool(n));
                    }
            }
        }
        ObjectNode out = NODES.objectNode();
        n.fields().forEachRemaining(e -> {
            JsonNode r = resolve(e.getValue());
            if (r != NO_VALUE) {
                out.set(e.getKey(), r);
            }
        });
        return out;
    }

    /** The value of a named condition of the template. */
    public boolean condition(String name) {
        JsonNode c = template.path("Conditions").get(name);
        if (c == null) {
            throw new IllegalArgumentException("no condition " + name);
        }
        return bool(c);
    }

    private boolean bool(JsonNode n) {
        String key = n.fieldNames().next();
        JsonNode arg = n.get(key);
        return switch (key) {
            case "Condition" -> condition(arg.asText());
            case "Fn::Equals" -> resolve(arg.get(0)).asText().equals(resolve(arg.get(1)).asText());
            case "Fn::Not" -> !bool(arg.get(0));
            case "Fn::And" -> { boolean all = true; for (JsonNode c : arg) { all &= bool(c); } yield all; }
            case "Fn::Or" -> { boolean any = false; for (JsonNode c : arg) { any |= bool(c); } yield any; }
            default -> throw new IllegalArgumentException("not a condition: " + n);
        };
    }

    private JsonNode ref(String name) {
        switch (name) {
            case "AWS::NoValue": return NO_VALUE;
            case "AWS::Region": return TextNode.valueOf(region);
            case "AWS::AccountId": return TextNode.valueOf(account);
            case "AWS::Partition": return TextNode.valueOf("aws");
            case "AWS::StackName": return TextNode.valueOf("sluice");
            case "AWS::URLSuffix": return TextNode.valueOf("amazonaws.com");
            default:
        }
        if (parameters.containsKey(name)) {
            String type = template.path("Parameters").path(name).path("Type").asText();
            if (type.startsWith("CommaDelimitedList") || type.startsWith("List<")) {
                ArrayNode list = NODES.arrayNode();
                List.of(parameters.get(name).split(",", -1)).forEach(list::add);
                return list;
            }
            return TextNode.valueOf(parameters.get(name));
        }
        String type = resourceType(name);
        return TextNode.valueOf(type.equals("AWS::SQS::Queue")
                ? "https://sqs." + region + ".amazonaws.com/" + account + "/" + name : name);
    }

    private String getAtt(String resource, String attribute) {
        String type = resourceType(resource);
        if (attribute.equals("QueueName") || attribute.equals("Name")) {
            return resource;
        }
        if (!attribute.equals("Arn")) {
            throw new IllegalArgumentException("GetAtt " + resource + "." + attribute + " is not resolved here");
        }
        return switch (type) {
            case "AWS::DynamoDB::Table" -> "arn:aws:dynamodb:" + region + ":" + account + ":table/" + resource;
            case "AWS::SQS::Queue" -> "arn:aws:sqs:" + region + ":" + account + ":" + resource;
            case "AWS::Logs::LogGroup" -> "arn:aws:logs:" + region + ":" + account + ":log-group:" + resource + ":*";
            case "AWS::IAM::Role" -> "arn:aws:iam::" + account + ":role/" + resource;
            default -> "arn:aws:" + type.split("::")[1].toLowerCase() + ":" + region + ":" + account + ":" + resource;
        };
    }

    private String resourceType(String logicalId) {
        JsonNode r = template.path("Resources").get(logicalId);
        if (r == null) {
            throw new IllegalArgumentException("Ref/GetAtt to " + logicalId + ": no such parameter or resource");
        }
        return r.path("Type").asText();
    }

    private String sub(JsonNode arg) {
        String text = arg.isArray() ? arg.get(0).asText() : arg.asText();
        Map<String, String> vars = new HashMap<>();
        if (arg.isArray()) {
            arg.get(1).fields().forEachRemaining(e -> vars.put(e.getKey(), resolve(e.getValue()).asText()));
        }
        Matcher m = SUB.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = vars.containsKey(name) ? vars.get(name)
                    : name.contains(".") && !name.startsWith("AWS::") ? getAtt(name.substring(0, name.indexOf('.')), name.substring(name.indexOf('.') + 1))
                    : ref(name).asText();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String join(JsonNode arg) {
        StringBuilder out = new StringBuilder();
        JsonNode parts = resolve(arg.get(1));
        for (int i = 0; i < parts.size(); i++) {
            out.append(i == 0 ? "" : arg.get(0).asText()).append(parts.get(i).asText());
        }
        return out.toString();
    }

    private JsonNode split(JsonNode arg) {
        ArrayNode out = NODES.arrayNode();
        String text = resolve(arg.get(1)).asText();
        String delimiter = arg.get(0).asText();
        int from = 0;
        for (int at = text.indexOf(delimiter); at >= 0; at = text.indexOf(delimiter, from)) {
            out.add(text.substring(from, at));
            from = at + delimiter.length();
        }
        out.add(text.substring(from));
        return out;
    }
}
