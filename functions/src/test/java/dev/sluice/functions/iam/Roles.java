package dev.sluice.functions.iam;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.functions.iam.FunctionActions.ConfigKind;
import dev.sluice.functions.iam.FunctionActions.Grant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The functions' roles in an expanded template, resolved for one deployment (parameter
 * values): what each grants, as "action on resource" lines, and what FunctionActions says it
 * must grant in that deployment, in the same form.
 */
public final class Roles {
    public static final String REGION = "us-east-1";
    /** moto's default account, so that the resolved ARNs are the emulator's. */
    public static final String ACCOUNT = "123456789012";

    private final JsonNode expanded;
    private final Intrinsics intrinsics;
    private final Map<String, String> parameters;

    public Roles(JsonNode expanded, Map<String, String> parameters) {
        this.expanded = expanded;
        this.parameters = parameters;
        this.intrinsics = new Intrinsics(expanded, parameters, REGION, ACCOUNT);
    }

    /** The logical id of {@code function}'s role. */
    public String roleOf(String function) {
        JsonNode role = expanded.path("Resources").path(function).path("Properties").path("Role");
        String id = role.path("Fn::GetAtt").path(0).asText();
        if (id.isEmpty()) {
            throw new AssertionError(function + ": Role is not !GetAtt <a role of this template>.Arn but " + role);
        }
        return id;
    }

    /** The role's policy documents, intrinsics resolved for this deployment (empty ones dropped). */
    public List<JsonNode> documents(String function) {
        JsonNode props = intrinsics.resolve(expanded.path("Resources").path(roleOf(function)).path("Properties"));
        List<JsonNode> out = new ArrayList<>();
        props.path("Policies").forEach(p -> out.add(p.path("PolicyDocument")));
        return out;
    }

    /** Managed policies attached to the role: none, but AwsInventory's read-only AWS policy on the fetch role when it is enabled. */
    public List<String> managedPolicies(String function) {
        List<String> out = new ArrayList<>();
        JsonNode props = intrinsics.resolve(expanded.path("Resources").path(roleOf(function)).path("Properties"));
        props.path("ManagedPolicyArns").forEach(a -> out.add(a.asText()));
        return out;
    }

    /** "action on resource" for every Allow; anything that is not a plain Allow of Action on Resource shows as "UNEXPECTED ...". */
    public Set<String> granted(String function) {
        Set<String> out = new TreeSet<>();
        for (JsonNode doc : documents(function)) {
            for (JsonNode s : doc.path("Statement").isArray() ? doc.path("Statement") : List.of(doc.path("Statement"))) {
                if (!s.path("Effect").asText().equals("Allow") || s.has("NotAction") || s.has("NotResource") || s.has("Condition")) {
                    out.add("UNEXPECTED " + s);
                    continue;
                }
                for (String a : strings(s.path("Action"))) {
                    for (String r : strings(s.path("Resource"))) {
                        out.add(a + " on " + r);
                    }
                }
            }
        }
        return out;
    }

    /** What FunctionActions says {@code function}'s role must grant in this deployment. */
    public Set<String> required(String function) {
        boolean secret = !parameters.getOrDefault("DatabaseSecretArn", "").isEmpty();
        boolean vpc = !parameters.getOrDefault("SubnetIds", "").isEmpty();
        String config = parameters.getOrDefault("ConfigLocation", expanded.path("Parameters").path("ConfigLocation").path("Default").asText());
        Set<String> out = new TreeSet<>();
        boolean bucket = !parameters.getOrDefault("DestinationBucket", "").isEmpty();
        for (Grant g : FunctionActions.role(function, kind(config), secret, vpc, awsInventory(), bucket)) {
            if (g.on() == FunctionActions.On.ASSUMED_ROLES) {
                awsInventory().roleArns().forEach(r -> out.add(g.action() + " on " + r));
            } else {
                out.add(g.action() + " on " + arn(g.on(), function, config));
            }
        }
        return out;
    }

    /** What the managed policies attached to {@code function}'s role must be in this deployment. */
    public List<String> requiredManagedPolicies(String function) {
        return awsInventory().managedPolicies(function);
    }

    /** The AwsInventory and AwsInventoryRoleArns parameters of this deployment. */
    public FunctionActions.AwsInventory awsInventory() {
        String roles = parameters.getOrDefault("AwsInventoryRoleArns", "");
        return new FunctionActions.AwsInventory(parameters.getOrDefault("AwsInventory", "none"),
                roles.isEmpty() ? List.of() : List.of(roles.split(",")));
    }

    public static ConfigKind kind(String configLocation) {
        return configLocation.startsWith("ssm:") ? ConfigKind.SSM
                : configLocation.startsWith("s3://") ? ConfigKind.S3 : ConfigKind.PACKAGE;
    }

    /** The ARN of a config location, worked out here independently of the template's expressions. */
    public static String configArn(String location) {
        if (location.startsWith("ssm:arn:")) {
            return location.substring("ssm:".length());
        }
        if (location.startsWith("ssm:")) {
            return "arn:aws:ssm:" + REGION + ":" + ACCOUNT + ":parameter" + location.substring("ssm:".length());
        }
        return "arn:aws:s3:::" + location.substring("s3://".length());
    }

    private String arn(FunctionActions.On on, String function, String config) {
        String dynamo = "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/";
        String sqs = "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":";
        return switch (on) {
            case RUNS_TABLE -> dynamo + "RunsTable";
            case RECENT_INDEX -> dynamo + "RunsTable/index/recent";
            case CURSORS_TABLE -> dynamo + "CursorsTable";
            case WORK_QUEUE -> sqs + "WorkQueue";
            case FINALIZE_QUEUE -> sqs + "FinalizeQueue";
            case OWN_LOG_GROUP -> "arn:aws:logs:" + REGION + ":" + ACCOUNT + ":log-group:"
                    + expanded.path("Resources").path(function).path("Properties").path("LoggingConfig").path("LogGroup").path("Ref").asText() + ":*";
            case CONFIG -> configArn(config);
            case SECRET -> parameters.get("DatabaseSecretArn");
            case NETWORK, EVERYTHING -> "*";
            case OWN_LAMBDA_FUNCTIONS -> "arn:aws:lambda:*:" + ACCOUNT + ":function:*";
            case OWN_CODE_SIGNING_CONFIGS -> "arn:aws:lambda:*:" + ACCOUNT + ":code-signing-config:*";
            case DESTINATION_OBJECTS -> "arn:aws:s3:::" + parameters.get("DestinationBucket") + "/*";
            case WRITE_PROBES -> "arn:aws:s3:::" + parameters.get("DestinationBucket") + "/*sluice-write-probe-*";
            case ASSUMED_ROLES -> throw new IllegalArgumentException("one grant per role ARN, not one ARN");
        };
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(x -> out.add(x.asText()));
        } else if (!n.isMissingNode()) {
            out.add(n.asText());
        }
        return out;
    }
}
