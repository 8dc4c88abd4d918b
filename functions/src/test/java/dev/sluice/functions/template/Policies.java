package dev.sluice.functions.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The policies of SAM functions: which SAM policy templates they use (checked against SAM's
 * own list, with their parameters), and which actions they allow (never {@code *} or
 * {@code service:*}, including inside the policy templates used).
 */
final class Policies {
    private static final Pattern WILDCARD = Pattern.compile("\\*|[A-Za-z0-9-]+:\\*");
    private final JsonNode templates;

    private Policies(JsonNode templates) {
        this.templates = templates;
    }

    static Policies read(Path policyTemplatesJson) {
        try {
            return new Policies(new ObjectMapper().readTree(policyTemplatesJson.toFile()).path("Templates"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One policy of a function's Policies, {@code conditional} when it sits inside an Fn::If. */
    record Entry(String function, JsonNode policy, boolean conditional) {
    }

    /** The policies of every function, Fn::If branches unfolded, AWS::NoValue dropped. */
    static List<Entry> of(Template template) {
        List<Entry> out = new ArrayList<>();
        for (String fn : template.resources("AWS::Serverless::Function").keySet()) {
            JsonNode policies = template.functionProperties(fn).path("Policies");
            if (policies.isMissingNode()) {
                continue;
            }
            List<JsonNode> list = new ArrayList<>();
            if (policies.isArray()) {
                policies.forEach(list::add);
            } else {
                list.add(policies);
            }
            for (JsonNode p : list) {
                unfold(p, e -> out.add(new Entry(fn, e, e != p)));
            }
        }
        return out;
    }

    private static void unfold(JsonNode p, Consumer<JsonNode> sink) {
        if (p.isObject() && p.size() == 1 && p.has("Fn::If")) {
            JsonNode args = p.get("Fn::If");
            unfold(args.path(1), sink);
            unfold(args.path(2), sink);
        } else if (Template.refName(p).filter("AWS::NoValue"::equals).isEmpty() && !p.isMissingNode()) {
            sink.accept(p);
        }
    }

    /** The policy template name of an entry such as {@code {"DynamoDBCrudPolicy": {...}}}; null for anything else. */
    static String templateName(JsonNode policy) {
        if (!policy.isObject() || policy.size() != 1) {
            return null;
        }
        String key = policy.fieldNames().next();
        return key.equals("Statement") || key.equals("Version") || Template.isIntrinsic(policy) ? null : key;
    }

    /** Problems with a policy template entry: unknown name, missing or unknown parameters. */
    List<String> templateProblems(Entry e) {
        String name = templateName(e.policy());
        if (name == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        JsonNode def = templates.get(name);
        if (def == null) {
            out.add(e.function() + ": " + name + " is not a SAM policy template");
            return out;
        }
        JsonNode given = e.policy().get(name);
        for (Map.Entry<String, JsonNode> p : Template.entries(def.path("Parameters"))) {
            if (!given.has(p.getKey())) {
                out.add(e.function() + ": " + name + " lacks parameter " + p.getKey());
            }
        }
        for (Map.Entry<String, JsonNode> g : Template.entries(given)) {
            if (!def.path("Parameters").has(g.getKey())) {
                out.add(e.function() + ": " + name + " has no parameter " + g.getKey());
            }
        }
        return out;
    }

    /** Every Action (and NotAction) an entry allows, policy templates expanded. */
    List<String> actions(JsonNode policy) {
        List<String> out = new ArrayList<>();
        String name = templateName(policy);
        JsonNode doc = name != null && templates.has(name) ? templates.get(name).path("Definition") : policy;
        collectActions(doc, out);
        return out;
    }

    /** Actions anywhere in a node: values of "Action"/"NotAction" keys in objects that also have "Effect". */
    static void collectActions(JsonNode n, List<String> out) {
        if (n.isArray()) {
            n.forEach(c -> collectActions(c, out));
        } else if (n.isObject()) {
            if (n.has("Effect")) {
                for (String key : List.of("Action", "NotAction")) {
                    JsonNode a = n.get(key);
                    if (a != null) {
                        if (a.isArray()) {
                            a.forEach(x -> out.add(key.equals("NotAction") ? "NotAction " + x.asText() : x.asText()));
                        } else {
                            out.add(key.equals("NotAction") ? "NotAction " + a.asText() : a.asText());
                        }
                    }
                }
            }
            n.forEach(c -> collectActions(c, out));
        }
    }

    static boolean isWildcard(String action) {
        return action.startsWith("NotAction ") || WILDCARD.matcher(action).matches();
    }
}
