package dev.sluice.functions.iam;

import dev.sluice.emulators.MotoServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.emulators.lambda.EventSourceMapping;
import dev.sluice.emulators.lambda.LocalContext;
import dev.sluice.engine.run.RunState;
import dev.sluice.engine.serverless.ServerlessContext;
import dev.sluice.functions.ApiHandler;
import dev.sluice.functions.AwsServices;
import dev.sluice.functions.Container;
import dev.sluice.functions.FetchHandler;
import dev.sluice.functions.FinalizerHandler;
import dev.sluice.functions.PlannerHandler;
import dev.sluice.functions.Redelivery;
import dev.sluice.functions.e2e.FlowDriver;
import dev.sluice.infra.AwsResources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The serverless flow driven as each function's role on moto_server with IAM enforced: the roles
 * are taken from template.yaml as SAM expands it, resolved for this deployment (config in SSM, a
 * database secret), and given to one moto user per function; each handler then calls AWS with
 * its own user's key only (its event source mapping too). The run must succeed with no request
 * refused, every action a function called must be one FunctionActions lists for it, and calls
 * outside its role must be refused. moto matches DynamoDB, SSM and Secrets Manager requests
 * against resource "*", so there the policies' resources are widened to "*" (LeastPrivilegeTest
 * checks those resources); SQS requests are matched against the queue's ARN as on AWS. moto
 * authorizes an SQS batch under its own name, AWS under the single action's: the batch names
 * are added beside the single ones.
 */
class LeastPrivilegeMotoIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static MotoServer moto;
    private static final Map<String, Caller> callers = new LinkedHashMap<>();
    private static String workQueue;
    private static String workDlq;
    private static String finalizeQueue;
    private static Path db;
    /** Allowed everything: reads what the flow left behind. */
    private static SqsClient admin;

    /** One function's identity on moto: its key, clients with a recorder, its container. */
    record Caller(String function, AwsCredentials key, CallRecorder recorder, DynamoDbClient dynamo, SqsClient sqs,
                  AwsServices services) {
    }

    @BeforeAll
    static void deploy(@TempDir Path dir) throws Exception {
        moto = MotoServer.start();
        AwsBasicCredentials setup = AwsBasicCredentials.create("setup", "setup");
        DynamoDbClient dynamo = client(DynamoDbClient.builder(), setup, null).build();
        SqsClient sqs = client(SqsClient.builder(), setup, null).build();
        AwsResources.createRunsTable(dynamo, "RunsTable");
        AwsResources.createCursorsTable(dynamo, "CursorsTable");
        AwsResources.QueuePair work = AwsResources.createQueue(sqs, "WorkQueue", 60);
        workQueue = work.url();
        workDlq = work.deadLetterUrl();
        finalizeQueue = AwsResources.createQueue(sqs, "FinalizeQueue", 60).url();
        db = dir.resolve("out.sqlite");
        try (SsmClient ssm = client(SsmClient.builder(), setup, null).build();
             SecretsManagerClient secrets = client(SecretsManagerClient.builder(), setup, null).build()) {
            ssm.putParameter(r -> r.name("/sluice/config").type("String").value("""
                    kind: source
                    spec:
                      name: moto
                      path: cloudquery/test
                      tables: ["*"]
                      destinations: [sqlite]
                      spec: {num_rows: 20, num_sub_rows: 2, page_size: 5}
                    ---
                    kind: destination
                    spec:
                      name: sqlite
                      path: cloudquery/sqlite
                      write_mode: overwrite-delete-stale
                      spec: {connection_string: "%s"}
                    """.formatted(db)));
            String secretArn = secrets.createSecret(r -> r.name("sluice-db").secretString("{\"password\":\"s3cret\"}")).arn();
            Map<String, String> parameters = Map.of("ConfigLocation", "ssm:/sluice/config", "DatabaseSecretArn", secretArn);
            Roles roles = new Roles(SamExpansion.expand(templateFile(), parameters), parameters);
            MotoIam iam = new MotoIam(moto.endpoint());
            admin = client(SqsClient.builder(), iam.userWith("admin", Map.of("all",
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}")), null).build();
            for (String fn : FunctionActions.functions()) {
                Map<String, String> policies = new LinkedHashMap<>();
                List<JsonNode> docs = roles.documents(fn);
                for (int i = 0; i < docs.size(); i++) {
                    policies.put(fn + i, JSON.writeValueAsString(forMoto(docs.get(i))));
                }
                AwsBasicCredentials key = iam.userWith(fn, policies);
                CallRecorder recorder = new CallRecorder();
                DynamoDbClient fd = client(DynamoDbClient.builder(), key, recorder).build();
                SqsClient fs = client(SqsClient.builder(), key, recorder).build();
                SsmClient fssm = client(SsmClient.builder(), key, recorder).build();
                S3Client fs3 = client(S3Client.builder(), key, recorder).forcePathStyle(true).build();
                SecretsManagerClient fsec = client(SecretsManagerClient.builder(), key, recorder).build();
                callers.put(fn, new Caller(fn, key, recorder, fd, fs, new AwsServices(fd, fs, () -> fssm, () -> fs3, () -> fsec)));
            }
            env.put("SLUICE_DB_SECRET_ARN", secretArn);
        }
        moto.enforceIam();
    }

    private static final Map<String, String> env = new HashMap<>();

    @AfterAll
    static void stop() {
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void theFlowRunsAsEachFunctionsRoleAndNothingOutsideItIsAllowed() throws Exception {
        Supplier<ServerlessContext> planner = container("PlannerFunction");
        JsonNode started = FlowDriver.invoke(new PlannerHandler(planner), FlowDriver.event("schedule-all.json"));
        String runId = started.path("runs").path(0).path("run_id").asText();
        assertThat(runId).as(started.toString()).isNotEmpty();

        Caller fetch = callers.get("FetchFunction");
        fetch.sqs().sendMessage(r -> r.queueUrl(workQueue).messageBody("{\"not\":\"a work item\"}")); // handed back at once
        new EventSourceMapping(fetch.sqs(), workQueue, new FetchHandler(container("FetchFunction"),
                () -> Redelivery.sqs(fetch.sqs(), workQueue)), 1, () -> LocalContext.countingDown(63_000, 1_000)).drain(200);
        Caller finalizer = callers.get("FinalizerFunction");
        Supplier<ServerlessContext> finalizing = container("FinalizerFunction");
        new EventSourceMapping(finalizer.sqs(), finalizeQueue, new FinalizerHandler(finalizing), 10,
                () -> LocalContext.withTimeout(Duration.ofMinutes(1))).drain(10);
        FlowDriver.invoke(new FinalizerHandler(finalizing), FlowDriver.event("sweep.json"));

        ApiHandler api = new ApiHandler(container("ApiFunction"));
        JsonNode shown = invokeApi(api, "GET", "/syncs/" + runId, null);
        assertThat(shown.path("statusCode").asInt()).as(shown.toString()).isEqualTo(200);
        assertThat(JSON.readTree(shown.path("body").asText()).path("status").asText()).isEqualTo(RunState.SUCCEEDED.name());
        assertThat(invokeApi(api, "GET", "/syncs", null).path("statusCode").asInt()).isEqualTo(200);
        assertThat(invokeApi(api, "POST", "/syncs", "{\"source\":\"moto\"}").path("statusCode").asInt()).isEqualTo(202);
        assertThat(FlowDriver.sqlite(db, "select count(*) from test_some_table")).isEqualTo("20");

        Map<String, Set<String>> refused = new LinkedHashMap<>();
        Map<String, Set<String>> unlisted = new LinkedHashMap<>();
        for (Caller c : callers.values()) {
            refused.put(c.function(), c.recorder().refused());
            Set<String> listed = new TreeSet<>();
            FunctionActions.role(c.function(), FunctionActions.ConfigKind.SSM, true, false).forEach(g -> listed.add(g.action()));
            Set<String> extra = new TreeSet<>(c.recorder().called());
            extra.removeAll(listed);
            unlisted.put(c.function(), extra);
        }
        assertThat(refused).as("requests refused during the flow").allSatisfy((fn, r) -> assertThat(r).as(fn).isEmpty());
        assertThat(unlisted).as("actions called but not in FunctionActions").allSatisfy((fn, r) -> assertThat(r).as(fn).isEmpty());
        assertThat(callers.get("FetchFunction").recorder().called()).contains("sqs:ChangeMessageVisibility",
                "sqs:ReceiveMessage", "sqs:DeleteMessage", "dynamodb:UpdateItem", "ssm:GetParameter", "secretsmanager:GetSecretValue");
        assertThat(callers.get("FinalizerFunction").recorder().called()).contains("dynamodb:DeleteItem", "dynamodb:Query");
        assertThat(callers.get("PlannerFunction").recorder().called()).contains("dynamodb:BatchWriteItem", "sqs:SendMessage");
        assertThat(admin.getQueueAttributes(r -> r.queueUrl(workDlq).attributeNamesWithStrings("ApproximateNumberOfMessages"))
                .attributesAsStrings().get("ApproximateNumberOfMessages")).as("the malformed message reached the DLQ").isEqualTo("1");
    }

    @Test
    void callsOutsideEachRoleAreRefused() {
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("x"), "sk", AttributeValue.fromS("y"));
        Map<String, Caller> callers = new LinkedHashMap<>();
        LeastPrivilegeMotoIT.callers.forEach((fn, c) -> callers.put(fn, unrecorded(c)));
        for (Caller c : callers.values()) {
            refused(() -> c.dynamo().scan(r -> r.tableName("RunsTable")));
            refused(() -> c.dynamo().describeTable(r -> r.tableName("RunsTable")));
            if (!c.function().equals("FinalizerFunction")) {
                refused(() -> c.dynamo().deleteItem(r -> r.tableName("CursorsTable").key(key)));
            }
            refused(() -> c.services().ssm().get().describeParameters(r -> { }));
            refused(() -> c.sqs().sendMessage(r -> r.queueUrl(workDlq).messageBody("x")));
            refused(() -> c.sqs().purgeQueue(r -> r.queueUrl(workQueue)));
        }
        Caller planner = callers.get("PlannerFunction");
        refused(() -> planner.sqs().receiveMessage(r -> r.queueUrl(workQueue)));
        refused(() -> planner.sqs().sendMessage(r -> r.queueUrl(finalizeQueue).messageBody("x")));
        refused(() -> planner.dynamo().updateItem(r -> r.tableName("RunsTable").key(key)));
        Caller api = callers.get("ApiFunction");
        refused(() -> api.dynamo().updateItem(r -> r.tableName("RunsTable").key(key)));
        refused(() -> api.dynamo().deleteItem(r -> r.tableName("RunsTable").key(key)));
        Caller fetch = callers.get("FetchFunction");
        refused(() -> fetch.dynamo().putItem(r -> r.tableName("RunsTable").item(key)));
        refused(() -> fetch.dynamo().query(r -> r.tableName("RunsTable").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("x")))));
        refused(() -> fetch.sqs().changeMessageVisibility(r -> r.queueUrl(finalizeQueue).receiptHandle("h").visibilityTimeout(0)));
        refused(() -> fetch.sqs().receiveMessage(r -> r.queueUrl(finalizeQueue)));
        Caller finalizer = callers.get("FinalizerFunction");
        refused(() -> finalizer.dynamo().putItem(r -> r.tableName("RunsTable").item(key)));
        refused(() -> finalizer.sqs().sendMessage(r -> r.queueUrl(workQueue).messageBody("x")));
        refused(() -> finalizer.sqs().changeMessageVisibility(r -> r.queueUrl(finalizeQueue).receiptHandle("h").visibilityTimeout(0)));
    }

    /** The same identity on clients of its own, so that probes stay out of the flow's record. */
    private static Caller unrecorded(Caller c) {
        DynamoDbClient d = client(DynamoDbClient.builder(), c.key(), null).build();
        SqsClient q = client(SqsClient.builder(), c.key(), null).build();
        SsmClient ssm = client(SsmClient.builder(), c.key(), null).build();
        return new Caller(c.function(), c.key(), null, d, q, new AwsServices(d, q, () -> ssm, () -> null, () -> null));
    }

    private static void refused(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsServiceException.class,
                e -> assertThat(e.statusCode() == 403 || CallRecorder.isRefusal(e.awsErrorDetails().errorCode())).as(e.getMessage()).isTrue());
    }

    private static Supplier<ServerlessContext> container(String function) {
        Map<String, String> e = new HashMap<>(env);
        e.put("SLUICE_CONFIG", "ssm:/sluice/config");
        e.put("SLUICE_RUNS_TABLE", "RunsTable");
        e.put("SLUICE_CURSORS_TABLE", "CursorsTable");
        e.put("SLUICE_WORK_QUEUE_URL", workQueue);
        e.put("SLUICE_FINALIZE_QUEUE_URL", finalizeQueue);
        e.put("SLUICE_TIME_MARGIN_SECONDS", "60");
        ServerlessContext ctx = Container.build(e, callers.get(function).services());
        return () -> ctx;
    }

    private static JsonNode invokeApi(ApiHandler api, String method, String path, String body) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0").put("routeKey", method + " " + path).put("rawPath", path);
        event.putObject("requestContext").putObject("http").put("method", method).put("path", path);
        if (body != null) {
            event.put("body", body);
        }
        return FlowDriver.invoke(api, event);
    }

    private static JsonNode forMoto(JsonNode document) {
        return MotoCalls.forMoto(document);
    }

    private static <B extends AwsClientBuilder<B, ?>> B client(B builder, AwsCredentials key, CallRecorder recorder) {
        return MotoCalls.client(builder, moto.endpoint(), key, recorder);
    }

    private static Path templateFile() {
        return FlowDriver.events().getParent().resolve("template.yaml");
    }
}
