package dev.sluice.functions.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds references that point nowhere: Ref, Fn::GetAtt, Fn::Sub variables, Fn::If and
 * Condition names, DependsOn. A name may be a parameter, a resource, a pseudo-parameter, or a
 * resource SAM generates (a function's Role, Version and Alias, its event resources, the
 * implicit APIs).
 */
final class References {
    private static final Set<String> PSEUDO = Set.of("AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",
            "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
    private static final Pattern SUB_VAR = Pattern.compile("\\$\\{([^}]*)}");

    private final Template template;
    private final Set<String> parameters = new HashSet<>();
    private final Set<String> resources = new HashSet<>();
    private final Set<String> refOnly = new HashSet<>();
    private final Set<String> conditions = new HashSet<>();
    private final List<String> problems = new ArrayList<>();

    private References(Template template) {
        this.template = template;
        template.section("Parameters").fieldNames().forEachRemaining(parameters::add);
        template.section("Conditions").fieldNames().forEachRemaining(conditions::add);
        for (Map.Entry<String, JsonNode> r : Template.entries(template.section("Resources"))) {
            resources.add(r.getKey());
            addSamGenerated(r.getKey(), r.getValue());
        }
    }

    /** Every dangling reference, one line each; empty when all resolve. */
    static List<String> problems(Template template) {
        References refs = new References(template);
        for (String section : List.of("Conditions", "Globals", "Resources", "Outputs")) {
            refs.walk(template.section(section), section);
        }
        for (Map.Entry<String, JsonNode> r : Template.entries(template.section("Resources"))) {
            refs.checkAttributes(r.getKey(), r.getValue(), "Resources." + r.getKey());
        }
        for (Map.Entry<String, JsonNode> o : Template.entries(template.section("Outputs"))) {
            refs.checkAttributes(o.getKey(), o.getValue(), "Outputs." + o.getKey());
        }
        return refs.problems;
    }

    private void addSamGenerated(String id, JsonNode resource) {
        String type = resource.path("Type").asText();
        if (type.equals("AWS::Serverless::Function")) {
            JsonNode props = template.functionProperties(id);
            if (!props.has("Role")) {
                resources.add(id + "Role");
            }
            if (props.has("AutoPublishAlias")) {
                refOnly.add(id + ".Version");
                refOnly.add(id + ".Alias");
            }
            for (Map.Entry<String, JsonNode> e : Template.entries(props.path("Events"))) {
                resources.add(id + e.getKey());
                resources.add(id + e.getKey() + "Role");
                resources.add(id + e.getKey() + "Permission");
                String eventType = e.getValue().path("Type").asText();
                if (eventType.equals("HttpApi") && !e.getValue().path("Properties").has("ApiId")) {
                    resources.add("ServerlessHttpApi");
                }
                if (eventType.equals("Api") && !e.getValue().path("Properties").has("RestApiId")) {
                    resources.add("ServerlessRestApi");
                }
            }
        } else if (type.equals("AWS::Serverless::HttpApi") || type.equals("AWS::Serverless::Api")) {
            refOnly.add(id + ".Stage");
            refOnly.add(id + ".Deployment");
            resources.add(id + "ApiGatewayDefaultStage");
        }
    }

    private void walk(JsonNode n, String where) {
        if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                walk(n.get(i), where + "[" + i + "]");
            }
            return;
        }
        if (!n.isObject()) {
            return;
        }
        if (n.size() == 1) {
            String key = n.fieldNames().next();
            JsonNode arg = n.get(key);
            switch (key) {
                case "Ref" -> checkRef(arg, where);
                case "Fn::GetAtt" -> checkGetAtt(arg, where);
                case "Fn::Sub" -> checkSub(arg, where);
                case "Condition" -> checkCondition(arg.asText(), where);
                case "Fn::If" -> checkCondition(arg.path(0).asText(), where);
                default -> {
                }
            }
        }
        for (Map.Entry<String, JsonNode> e : Template.entries(n)) {
            walk(e.getValue(), where + "." + e.getKey());
        }
    }

    private void checkRef(JsonNode arg, String where) {
        String name = arg.asText();
        if (!arg.isTextual() || !(parameters.contains(name) || resources.contains(name) || PSEUDO.contains(name)
                || refOnly.contains(name))) {
            problems.add(where + ": Ref " + arg + " names no parameter, resource or pseudo-parameter");
        }
    }

    private void checkGetAtt(JsonNode arg, String where) {
        String resource = arg.isArray() ? arg.path(0).asText() : arg.asText().split("\\.", 2)[0];
        if (!resources.contains(resource)) {
            problems.add(where + ": Fn::GetAtt " + arg + " names no resource");
        }
    }

    private void checkSub(JsonNode arg, String where) {
        String text = arg.isArray() ? arg.path(0).asText() : arg.asText();
        Set<String> local = new HashSet<>();
        if (arg.isArray() && arg.size() > 1) {
            arg.get(1).fieldNames().forEachRemaining(local::add);
        }
        Matcher m = SUB_VAR.matcher(text);
        while (m.find()) {
            String var = m.group(1);
            if (var.startsWith("!") || local.contains(var) || parameters.contains(var) || PSEUDO.contains(var)
                    || resources.contains(var)) {
                continue;
            }
            int dot = var.indexOf('.');
            if (dot > 0 && resources.contains(var.substring(0, dot))) {
                continue;
            }
            problems.add(where + ": Fn::Sub variable ${" + var + "} names nothing");
        }
    }

    private void checkCondition(String name, String where) {
        if (!conditions.contains(name)) {
            problems.add(where + ": condition " + name + " is not defined");
        }
    }

    /** Resource- and output-level Condition and DependsOn. */
    private void checkAttributes(String id, JsonNode node, String where) {
        JsonNode condition = node.get("Condition");
        if (condition != null && condition.isTextual()) {
            checkCondition(condition.asText(), where + ".Condition");
        }
        JsonNode dependsOn = node.get("DependsOn");
        if (dependsOn != null) {
            List<JsonNode> names = new ArrayList<>();
            if (dependsOn.isArray()) {
                dependsOn.forEach(names::add);
            } else {
                names.add(dependsOn);
            }
            for (JsonNode d : names) {
                if (!resources.contains(d.asText())) {
                    problems.add(where + ".DependsOn: " + d.asText() + " is not a resource");
                }
            }
        }
    }
}
