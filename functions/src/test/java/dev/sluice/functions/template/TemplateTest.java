package dev.sluice.functions.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** template.yaml: valid SAM, references that resolve, and the deployment rules Sluice depends on. */
class TemplateTest {
    private static final Set<String> HANDLERS = Set.of(
            "dev.sluice.functions.PlannerHandler::handleRequest",
            "dev.sluice.functions.ApiHandler::handleRequest",
            "dev.sluice.functions.FetchHandler::handleRequest",
            "dev.sluice.functions.FinalizerHandler::handleRequest");
    private static final List<String> ENVIRONMENT = List.of("SLUICE_CONFIG", "SLUICE_RUNS_TABLE",
            "SLUICE_CURSORS_TABLE", "SLUICE_WORK_QUEUE_URL", "SLUICE_FINALIZE_QUEUE_URL",
            "SLUICE_TIME_MARGIN_SECONDS", "SLUICE_STALL_MINUTES", "SLUICE_FETCH_TIMEOUT_SECONDS",
            "SLUICE_VISIBILITY_TIMEOUT_SECONDS", "SLUICE_MAX_RECEIVES", "SLUICE_METRICS_STACK", "JAVA_TOOL_OPTIONS");

    private static Template template;
    private static Map<String, JsonNode> functions;

    @BeforeAll
    static void read() {
        template = Template.read(ProjectFiles.template());
        functions = template.resources("AWS::Serverless::Function");
    }

    @Test
    void shortFormTagsBecomeLongForm() {
        JsonNode planner = template.resource("PlannerFunction").orElseThrow();
        assertThat(template.json().toString()).doesNotContain("\"!");
        assertThat(Template.getAttResource(planner.path("Properties").path("Role"), "Arn")).contains("PlannerRole");
        assertThat(template.section("Conditions").path("InVpc").has("Fn::Not")).isTrue();
    }

    @Test
    void isValidAgainstTheSamSchema() {
        SamSchema schema = SamSchema.read(ProjectFiles.conformance().resolve("sam/sam.schema.json"));
        assertThat(schema.errors(template)).as("SAM schema errors").isEmpty();
    }

    @Test
    void everyReferenceResolves() {
        assertThat(References.problems(template)).as("dangling references").isEmpty();
    }

    @Test
    void everyFunctionHasItsOwnRoleAndNoSamPolicies() {
        // SAM's policy templates and the managed policies it attaches for SQS events or a VPC
        // grant more than the code calls; LeastPrivilegeTest checks what the roles grant
        Set<String> roles = new TreeSet<>();
        for (String fn : functions.keySet()) {
            JsonNode p = template.functionProperties(fn);
            assertThat(p.has("Policies")).as(fn + " Policies").isFalse();
            String role = Template.getAttResource(p.path("Role"), "Arn").orElseThrow(() -> new AssertionError(fn + ": no !GetAtt role.Arn"));
            assertThat(template.resource(role).orElseThrow().path("Type").asText()).isEqualTo("AWS::IAM::Role");
            roles.add(role);
        }
        assertThat(roles).hasSameSizeAs(functions.keySet());
    }

    @Test
    void noPolicyAllowsEveryActionOfAService() {
        Policies policies = Policies.read(ProjectFiles.conformance().resolve("sam/policy_templates.json"));
        List<String> wide = new ArrayList<>();
        for (Policies.Entry e : Policies.of(template)) {
            for (String action : policies.actions(e.policy())) {
                if (Policies.isWildcard(action)) {
                    wide.add(e.function() + ": " + action + " in " + e.policy());
                }
            }
        }
        List<String> anywhere = new ArrayList<>();
        Policies.collectActions(template.json(), anywhere);
        anywhere.stream().filter(Policies::isWildcard).forEach(a -> wide.add("template: " + a));
        assertThat(wide).isEmpty();
    }

    @Test
    void theFourHandlersAreDeployed() {
        Set<String> handlers = new TreeSet<>();
        functions.keySet().forEach(fn -> handlers.add(template.functionProperties(fn).path("Handler").asText()));
        assertThat(handlers).isEqualTo(new TreeSet<>(HANDLERS));
    }

    @Test
    void everyHandlerNamesAClassInTheFunctionsModule() {
        List<String> missing = new ArrayList<>();
        for (String fn : functions.keySet()) {
            String handler = template.functionProperties(fn).path("Handler").asText();
            String[] parts = handler.split("::", 2);
            if (parts.length != 2) {
                missing.add(fn + ": " + handler + " (expected class::method)");
                continue;
            }
            try {
                Class<?> type = Class.forName(parts[0]);
                boolean method = Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(parts[1]));
                boolean noArgs = Arrays.stream(type.getConstructors()).anyMatch(c -> c.getParameterCount() == 0);
                if (!method || !noArgs) {
                    missing.add(fn + ": " + handler + " (" + (method ? "" : "no public method " + parts[1] + "; ")
                            + (noArgs ? "" : "no public no-argument constructor, which Lambda needs") + ")");
                }
            } catch (ClassNotFoundException e) {
                missing.add(fn + ": " + handler + " (no class " + parts[0] + " in the functions module)");
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void functionsRunJava21OnArm64WithSnapStart() {
        assertThat(functions).hasSize(4);
        for (String fn : functions.keySet()) {
            JsonNode p = template.functionProperties(fn);
            assertThat(p.path("Runtime").asText()).as(fn + " Runtime").isEqualTo("java21");
            assertThat(p.path("Architectures").toString()).as(fn + " Architectures").isEqualTo("[\"arm64\"]");
            assertThat(p.path("SnapStart").path("ApplyOn").asText()).as(fn + " SnapStart").isEqualTo("PublishedVersions");
            // SnapStart only applies to published versions: something must publish them
            assertThat(p.path("AutoPublishAlias").isMissingNode()).as(fn + " AutoPublishAlias").isFalse();
            assertThat(p.path("CodeUri").asText()).as(fn + " CodeUri").isEqualTo("functions/target/sluice-functions.jar");
            assertThat(template.possibleNumbers(p.path("Timeout"))).as(fn + " Timeout").isNotEmpty()
                    .allSatisfy(t -> assertThat(t).isBetween(1L, 900L));
            assertThat(template.possibleNumbers(p.path("MemorySize"))).as(fn + " MemorySize").isNotEmpty()
                    .allSatisfy(m -> assertThat(m).isBetween(128L, 10240L));
        }
        JsonNode fetch = template.functionProperties(fetchFunction());
        assertThat(defaultOf(fetch.path("Timeout"))).isEqualTo(900);
        assertThat(defaultOf(fetch.path("MemorySize"))).isEqualTo(1024);
        for (String fn : functions.keySet()) {
            if (!fn.equals(fetchFunction())) {
                JsonNode p = template.functionProperties(fn);
                assertThat(defaultOf(p.path("Timeout"))).as(fn + " Timeout").isLessThan(900);
                assertThat(defaultOf(p.path("MemorySize"))).as(fn + " MemorySize").isLessThanOrEqualTo(1024);
            }
        }
    }

    @Test
    void everyFunctionGetsTheEnvironmentTheHandlersRead() {
        for (String fn : functions.keySet()) {
            JsonNode vars = template.functionProperties(fn).path("Environment").path("Variables");
            assertThat(ENVIRONMENT).as(fn).allSatisfy(v -> assertThat(vars.has(v)).as(fn + " " + v).isTrue());
        }
        JsonNode vars = template.functionProperties(fetchFunction()).path("Environment").path("Variables");
        assertThat(Template.refName(vars.path("SLUICE_WORK_QUEUE_URL"))).contains(consumedQueue(fetchFunction()));
        assertThat(Template.refName(vars.path("SLUICE_FINALIZE_QUEUE_URL"))).contains(consumedQueue(finalizerFunction()));
        assertThat(Template.refName(vars.path("SLUICE_CONFIG"))).contains("ConfigLocation");
    }

    @Test
    void consumedQueuesRedriveToALongerLivedDlqAndOutlastTheirConsumer() {
        List<String> problems = new ArrayList<>();
        int consumed = 0;
        for (String fn : functions.keySet()) {
            JsonNode props = template.functionProperties(fn);
            for (Map.Entry<String, JsonNode> ev : Template.entries(props.path("Events"))) {
                if (!ev.getValue().path("Type").asText().equals("SQS")) {
                    continue;
                }
                consumed++;
                String where = fn + "." + ev.getKey();
                JsonNode esm = ev.getValue().path("Properties");
                String queueId = Template.getAttResource(esm.path("Queue"), "Arn").orElse(null);
                JsonNode queue = queueId == null ? null : template.resource(queueId).orElse(null);
                if (queue == null || !queue.path("Type").asText().equals("AWS::SQS::Queue")) {
                    problems.add(where + ": Queue is not !GetAtt <an AWS::SQS::Queue of this template>.Arn");
                    continue;
                }
                problems.addAll(queueProblems(where + " " + queueId, queue.path("Properties"), props.path("Timeout")));
                problems.addAll(eventSourceProblems(where, esm));
            }
        }
        assertThat(consumed).as("SQS event sources").isEqualTo(2);
        assertThat(problems).isEmpty();
    }

    private List<String> queueProblems(String where, JsonNode q, JsonNode consumerTimeout) {
        List<String> out = new ArrayList<>();
        JsonNode redrive = q.path("RedrivePolicy");
        List<Long> receives = template.possibleNumbers(redrive.path("maxReceiveCount"));
        if (receives.isEmpty() || Collections.min(receives) < 5) {
            out.add(where + ": RedrivePolicy maxReceiveCount must be >= 5 (can be " + receives + ")");
        }
        String dlqId = Template.getAttResource(redrive.path("deadLetterTargetArn"), "Arn").orElse(null);
        JsonNode dlq = dlqId == null ? null : template.resource(dlqId).orElse(null);
        if (dlq == null || !dlq.path("Type").asText().equals("AWS::SQS::Queue")) {
            out.add(where + ": deadLetterTargetArn is not !GetAtt <an AWS::SQS::Queue>.Arn");
        } else {
            long kept = retention(q);
            long dlqKept = retention(dlq.path("Properties"));
            if (dlqKept <= kept) {
                out.add(where + ": its DLQ " + dlqId + " keeps messages " + dlqKept + " s, not longer than the queue's " + kept + " s");
            }
            if (!dlq.path("Properties").has("MaximumMessageSize")) {
                out.add(where + ": DLQ " + dlqId + " has no MaximumMessageSize");
            }
        }
        Map<Long, Long> visibilityByTimeout = template.visibilityByTimeout(q.path("VisibilityTimeout"), consumerTimeout);
        if (visibilityByTimeout.isEmpty()) {
            out.add(where + ": VisibilityTimeout " + q.path("VisibilityTimeout") + " cannot be related to its consumer's Timeout");
        }
        visibilityByTimeout.forEach((timeout, visibility) -> {
            if (visibility < 6 * timeout) {
                out.add(where + ": VisibilityTimeout " + visibility + " must be >= 6 x its consumer's Timeout " + timeout);
            }
        });
        if (template.possibleNumbers(q.path("MaximumMessageSize")).isEmpty()) {
            out.add(where + ": MaximumMessageSize is not set");
        }
        return out;
    }

    private long retention(JsonNode queueProperties) {
        List<Long> values = template.possibleNumbers(queueProperties.path("MessageRetentionPeriod"));
        return values.isEmpty() ? 345600 : Collections.max(values); // SQS's default: 4 days
    }

    private List<String> eventSourceProblems(String where, JsonNode esm) {
        List<String> out = new ArrayList<>();
        if (!esm.path("FunctionResponseTypes").toString().contains("\"ReportBatchItemFailures\"")) {
            out.add(where + ": FunctionResponseTypes lacks ReportBatchItemFailures");
        }
        List<Long> batch = template.possibleNumbers(esm.path("BatchSize"));
        if (batch.isEmpty() || Collections.min(batch) < 1 || Collections.max(batch) > 10) {
            out.add(where + ": BatchSize must be set, 1..10 (is " + batch + ")");
        }
        JsonNode concurrency = esm.path("ScalingConfig").path("MaximumConcurrency");
        List<Long> max = template.possibleNumbers(concurrency);
        if (max.isEmpty() || Collections.min(max) < 2) {
            out.add(where + ": ScalingConfig MaximumConcurrency must be >= 2 (is " + max + ")");
        }
        return out;
    }

    @Test
    void maximumConcurrencyOfTheFetchFunctionIsAParameter() {
        JsonNode esm = sqsEvent(fetchFunction()).path("Properties");
        String parameter = Template.refName(esm.path("ScalingConfig").path("MaximumConcurrency")).orElseThrow();
        assertThat(template.section("Parameters").path(parameter).path("MinValue").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void tablesHaveExactlyTheKeysTheInfraCodeUses() {
        JsonNode vars = template.section("Globals").path("Function").path("Environment").path("Variables");
        JsonNode runs = table(Template.refName(vars.path("SLUICE_RUNS_TABLE")).orElseThrow());
        JsonNode cursors = table(Template.refName(vars.path("SLUICE_CURSORS_TABLE")).orElseThrow());

        assertThat(keys(runs.path("KeySchema"))).isEqualTo("pk HASH, sk RANGE");
        assertThat(attributes(runs)).isEqualTo("kind S, pk S, sk S, started_at S");
        JsonNode indexes = runs.path("GlobalSecondaryIndexes");
        assertThat(indexes).hasSize(1);
        assertThat(indexes.get(0).path("IndexName").asText()).isEqualTo("recent");
        assertThat(keys(indexes.get(0).path("KeySchema"))).isEqualTo("kind HASH, started_at RANGE");
        assertThat(indexes.get(0).path("Projection").path("ProjectionType").asText()).isEqualTo("INCLUDE");
        List<String> projected = new java.util.ArrayList<>();
        indexes.get(0).path("Projection").path("NonKeyAttributes").forEach(a -> projected.add(a.asText()));
        assertThat(projected).as("the attributes run listings decode").containsExactlyInAnyOrderElementsOf(
                dev.sluice.infra.AwsResources.RECENT_ATTRIBUTES);
        assertThat(runs.path("TimeToLiveSpecification").path("AttributeName").asText()).isEqualTo("expires_at");
        assertThat(runs.path("TimeToLiveSpecification").path("Enabled").asBoolean()).isTrue();

        assertThat(keys(cursors.path("KeySchema"))).isEqualTo("pk HASH, sk RANGE");
        assertThat(attributes(cursors)).isEqualTo("pk S, sk S");
        assertThat(cursors.has("GlobalSecondaryIndexes")).isFalse();

        for (JsonNode t : List.of(runs, cursors)) {
            assertThat(t.path("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
            assertThat(t.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asBoolean()).isTrue();
            assertThat(t.path("SSESpecification").path("SSEEnabled").asBoolean()).isTrue();
        }
    }

    private static JsonNode table(String id) {
        JsonNode r = template.resource(id).orElseThrow();
        assertThat(r.path("Type").asText()).as(id).isEqualTo("AWS::DynamoDB::Table");
        return r.path("Properties");
    }

    private static String keys(JsonNode schema) {
        List<String> out = new ArrayList<>();
        schema.forEach(k -> out.add(k.path("AttributeName").asText() + " " + k.path("KeyType").asText()));
        return String.join(", ", out);
    }

    private static String attributes(JsonNode table) {
        Set<String> out = new TreeSet<>();
        table.path("AttributeDefinitions").forEach(a -> out.add(a.path("AttributeName").asText() + " " + a.path("AttributeType").asText()));
        return String.join(", ", out);
    }

    @Test
    void theHttpApiIsIamAuthorizedAndServesTheSyncRoutes() {
        Map<String, JsonNode> apis = template.resources("AWS::Serverless::HttpApi");
        assertThat(apis).hasSize(1);
        String apiId = apis.keySet().iterator().next();
        JsonNode auth = apis.get(apiId).path("Properties").path("Auth");
        assertThat(auth.path("EnableIamAuthorizer").asBoolean()).isTrue();
        assertThat(auth.path("DefaultAuthorizer").asText()).isEqualTo("AWS_IAM");

        Set<String> routes = new TreeSet<>();
        for (String fn : functions.keySet()) {
            for (Map.Entry<String, JsonNode> ev : Template.entries(template.functionProperties(fn).path("Events"))) {
                if (ev.getValue().path("Type").asText().equals("HttpApi")) {
                    JsonNode p = ev.getValue().path("Properties");
                    assertThat(Template.refName(p.path("ApiId"))).as(fn + "." + ev.getKey()).contains(apiId);
                    assertThat(p.has("Auth")).as(fn + "." + ev.getKey() + " must not override the IAM authorizer").isFalse();
                    routes.add(template.functionProperties(fn).path("Handler").asText() + " "
                            + p.path("Method").asText().toUpperCase() + " " + p.path("Path").asText());
                }
            }
        }
        String api = "dev.sluice.functions.ApiHandler::handleRequest";
        assertThat(routes).containsExactly(api + " GET /syncs", api + " GET /syncs/{id}", api + " POST /syncs");
    }

    @Test
    void thePlannerRunsOnAConfigurableScheduleThatCanBeDisabled() {
        JsonNode schedule = scheduleEvents(plannerFunction()).get(0).path("Properties");
        String expression = Template.refName(schedule.path("ScheduleExpression")).orElseThrow();
        assertThat(template.section("Parameters").path(expression).path("Default").asText()).matches("(rate|cron)\\(.+\\)");
        String state = Template.refName(schedule.path("State")).orElseThrow();
        assertThat(template.section("Parameters").path(state).path("AllowedValues").toString()).contains("\"DISABLED\"");
        assertThat(schedule.has("Input")).as("EventBridge Scheduler needs an Input to send").isTrue();
    }

    @Test
    void theFinalizerSweepsEveryFiveMinutesWithTheSampleEventsInput() throws IOException {
        List<JsonNode> schedules = scheduleEvents(finalizerFunction());
        assertThat(schedules).hasSize(1);
        JsonNode sweep = schedules.get(0).path("Properties");
        assertThat(sweep.path("ScheduleExpression").asText()).isEqualTo("rate(5 minutes)");
        assertThat(sweep.path("State").asText("ENABLED")).isEqualTo("ENABLED");
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(sweep.path("Input").asText()))
                .isEqualTo(json.readTree(ProjectFiles.events().resolve("sweep.json").toFile()));
    }

    @Test
    void theVpcIsOptional() {
        JsonNode parameters = template.section("Parameters");
        for (String p : List.of("SubnetIds", "SecurityGroupIds")) {
            assertThat(parameters.path(p).path("Type").asText()).as(p).isEqualTo("CommaDelimitedList");
            assertThat(parameters.path(p).path("Default").asText()).as(p).isEmpty();
        }
        JsonNode vpc = template.section("Globals").path("Function").path("VpcConfig");
        JsonNode args = vpc.path("Fn::If");
        assertThat(args.isArray()).as("VpcConfig is !If [condition, config, !Ref AWS::NoValue]").isTrue();
        assertThat(template.section("Conditions").has(args.get(0).asText())).isTrue();
        assertThat(Template.refName(args.get(1).path("SubnetIds"))).contains("SubnetIds");
        assertThat(Template.refName(args.get(1).path("SecurityGroupIds"))).contains("SecurityGroupIds");
        assertThat(Template.refName(args.get(2))).contains("AWS::NoValue");
    }

    @Test
    void outputsNameTheEndpointsQueuesAndTables() {
        assertThat(Set.copyOf(iterate(template.section("Outputs").fieldNames()))).contains("ApiUrl",
                "WorkQueueUrl", "FinalizeQueueUrl", "WorkDeadLetterQueueUrl", "FinalizeDeadLetterQueueUrl",
                "RunsTableName", "CursorsTableName");
    }

    // ------------------------------------------------------------------ helpers

    private static List<String> iterate(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private static String functionWith(String handlerClass) {
        return functions.keySet().stream()
                .filter(fn -> template.functionProperties(fn).path("Handler").asText()
                        .startsWith("dev.sluice.functions." + handlerClass + "::"))
                .findFirst().orElseThrow(() -> new AssertionError("no function with handler " + handlerClass));
    }

    private static String plannerFunction() {
        return functionWith("PlannerHandler");
    }

    private static String fetchFunction() {
        return functionWith("FetchHandler");
    }

    private static String finalizerFunction() {
        return functionWith("FinalizerHandler");
    }

    private static JsonNode sqsEvent(String fn) {
        for (Map.Entry<String, JsonNode> ev : Template.entries(template.functionProperties(fn).path("Events"))) {
            if (ev.getValue().path("Type").asText().equals("SQS")) {
                return ev.getValue();
            }
        }
        throw new AssertionError(fn + " has no SQS event");
    }

    private static String consumedQueue(String fn) {
        return Template.getAttResource(sqsEvent(fn).path("Properties").path("Queue"), "Arn").orElseThrow();
    }

    private static List<JsonNode> scheduleEvents(String fn) {
        List<JsonNode> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> ev : Template.entries(template.functionProperties(fn).path("Events"))) {
            if (ev.getValue().path("Type").asText().equals("ScheduleV2")) {
                out.add(ev.getValue());
            }
        }
        return out;
    }

    private static long defaultOf(JsonNode value) {
        if (value.isNumber()) {
            return value.asLong();
        }
        String parameter = Template.refName(value).orElseThrow(() -> new AssertionError("not a number or Ref: " + value));
        return template.section("Parameters").path(parameter).path("Default").asLong();
    }
}
