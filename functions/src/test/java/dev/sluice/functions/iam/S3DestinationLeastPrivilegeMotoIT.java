package dev.sluice.functions.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.emulators.MotoServer;
import dev.sluice.emulators.lambda.EventSourceMapping;
import dev.sluice.emulators.lambda.LocalContext;
import dev.sluice.engine.run.RunState;
import dev.sluice.engine.serverless.ServerlessContext;
import dev.sluice.functions.AwsServices;
import dev.sluice.functions.Container;
import dev.sluice.functions.FetchHandler;
import dev.sluice.functions.FinalizerHandler;
import dev.sluice.functions.PlannerHandler;
import dev.sluice.functions.Redelivery;
import dev.sluice.functions.e2e.FlowDriver;
import dev.sluice.infra.AwsResources;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The s3 destination's grants (template parameter DestinationBucket) on moto_server with IAM
 * enforced: planner, fetch and finalizer each run as a user holding only its role's policies, as
 * SAM expands them. The destination takes its credentials from the default chain, as in Lambda,
 * so each phase runs with that function's key in the JVM's {@code aws.accessKeyId} /
 * {@code aws.secretAccessKey}: the planner's test_write probe, the fetch's objects (more than one
 * multipart part) and the finalizer's sync summary must all be allowed, and the run succeed with
 * every row in the bucket; writes outside each role's grant are refused.
 */
class S3DestinationLeastPrivilegeMotoIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUCKET = "least-privilege-lake";
    private static MotoServer moto;
    private static final Map<String, AwsBasicCredentials> keys = new LinkedHashMap<>();
    private static final Map<String, AwsServices> services = new LinkedHashMap<>();
    private static String workQueue;
    private static String finalizeQueue;
    private static S3Client admin;

    @BeforeAll
    static void deploy() throws Exception {
        moto = MotoServer.start();
        AwsBasicCredentials setup = AwsBasicCredentials.create("setup", "setup");
        DynamoDbClient dynamo = MotoCalls.client(DynamoDbClient.builder(), moto.endpoint(), setup, null).build();
        SqsClient sqs = MotoCalls.client(SqsClient.builder(), moto.endpoint(), setup, null).build();
        AwsResources.createRunsTable(dynamo, "RunsTable");
        AwsResources.createCursorsTable(dynamo, "CursorsTable");
        workQueue = AwsResources.createQueue(sqs, "WorkQueue", 60).url();
        finalizeQueue = AwsResources.createQueue(sqs, "FinalizeQueue", 60).url();
        try (S3Client s3 = MotoCalls.client(S3Client.builder(), moto.endpoint(), setup, null).forcePathStyle(true).build();
             SsmClient ssm = MotoCalls.client(SsmClient.builder(), moto.endpoint(), setup, null).build()) {
            s3.createBucket(r -> r.bucket(BUCKET));
            // 20,000 rows of test_some_table in one page, so one JSON object of about 10 MB: more than one 5 MiB part
            ssm.putParameter(r -> r.name("/sluice/config").type("String").value("""
                    kind: source
                    spec:
                      name: lake
                      path: cloudquery/test
                      tables: [test_some_table]
                      skip_dependent_tables: true
                      destinations: [s3]
                      spec: {num_rows: 20000, page_size: 20000}
                    ---
                    kind: destination
                    spec:
                      name: s3
                      path: cloudquery/s3
                      write_mode: append
                      send_sync_summary: true
                      spec:
                        bucket: %s
                        region: us-east-1
                        endpoint: "%s"
                        use_path_style: true
                        path: "raw/{{TABLE}}/{{UUID}}.{{FORMAT}}"
                        format: json
                        part_size: 5242880
                        batch_size: 20000
                    """.formatted(BUCKET, moto.endpoint())));
        }
        Map<String, String> parameters = Map.of("ConfigLocation", "ssm:/sluice/config", "DestinationBucket", BUCKET);
        Roles roles = new Roles(SamExpansion.expand(FlowDriver.events().getParent().resolve("template.yaml"), parameters), parameters);
        MotoIam iam = new MotoIam(moto.endpoint());
        admin = MotoCalls.client(S3Client.builder(), moto.endpoint(), iam.userWith("admin", Map.of("all",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}")), null)
                .forcePathStyle(true).build();
        for (String fn : List.of("PlannerFunction", "FetchFunction", "FinalizerFunction")) {
            Map<String, String> policies = new LinkedHashMap<>();
            List<JsonNode> docs = roles.documents(fn);
            for (int i = 0; i < docs.size(); i++) {
                policies.put(fn + i, JSON.writeValueAsString(MotoCalls.forMoto(docs.get(i))));
            }
            AwsBasicCredentials key = iam.userWith(fn, policies);
            keys.put(fn, key);
            DynamoDbClient fd = MotoCalls.client(DynamoDbClient.builder(), moto.endpoint(), key, null).build();
            SqsClient fs = MotoCalls.client(SqsClient.builder(), moto.endpoint(), key, null).build();
            SsmClient fssm = MotoCalls.client(SsmClient.builder(), moto.endpoint(), key, null).build();
            services.put(fn, new AwsServices(fd, fs, () -> fssm, () -> null, () -> null));
        }
        moto.enforceIam();
    }

    @AfterAll
    static void stop() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (moto != null) {
            moto.close();
        }
    }

    /** The default credentials chain of this JVM now resolves to {@code function}'s key. */
    private static void actAs(String function) {
        System.setProperty("aws.accessKeyId", keys.get(function).accessKeyId());
        System.setProperty("aws.secretAccessKey", keys.get(function).secretAccessKey());
    }

    private static java.util.function.Supplier<ServerlessContext> container(String function) {
        Map<String, String> e = new HashMap<>();
        e.put("SLUICE_CONFIG", "ssm:/sluice/config");
        e.put("SLUICE_RUNS_TABLE", "RunsTable");
        e.put("SLUICE_CURSORS_TABLE", "CursorsTable");
        e.put("SLUICE_WORK_QUEUE_URL", workQueue);
        e.put("SLUICE_FINALIZE_QUEUE_URL", finalizeQueue);
        e.put("SLUICE_TIME_MARGIN_SECONDS", "60");
        ServerlessContext ctx = Container.build(e, services.get(function));
        return () -> ctx;
    }

    @Test
    void eachFunctionWritesWhatItsRoleAllowsAndTheRunSucceeds() throws Exception {
        actAs("PlannerFunction");
        var planner = container("PlannerFunction");
        JsonNode started = FlowDriver.invoke(new PlannerHandler(planner), FlowDriver.event("schedule-all.json"));
        String runId = started.path("runs").path(0).path("run_id").asText();
        assertThat(runId).as(started.toString()).isNotEmpty();

        actAs("FetchFunction");
        AwsServices fetch = services.get("FetchFunction");
        new EventSourceMapping(fetch.sqs(), workQueue, new FetchHandler(container("FetchFunction"),
                () -> Redelivery.sqs(fetch.sqs(), workQueue)), 1, () -> LocalContext.countingDown(63_000, 1_000)).drain(200);

        actAs("FinalizerFunction");
        var finalizing = container("FinalizerFunction");
        new EventSourceMapping(services.get("FinalizerFunction").sqs(), finalizeQueue, new FinalizerHandler(finalizing), 10,
                () -> LocalContext.withTimeout(Duration.ofMinutes(1))).drain(10);

        var run = finalizing.get().ledger().run(runId).orElseThrow();
        assertThat(run.state()).as(run.toString()).isEqualTo(RunState.SUCCEEDED);
        List<String> keys = admin.listObjectsV2Paginator(r -> r.bucket(BUCKET)).contents().stream().map(S3Object::key).toList();
        assertThat(keys).filteredOn(k -> k.startsWith("raw/test_some_table/")).isNotEmpty();
        assertThat(keys).filteredOn(k -> k.startsWith("raw/cloudquery_sync_summaries/")).hasSize(1);
        assertThat(keys).noneMatch(k -> k.contains("sluice-write-probe"));
        long rows = 0;
        for (String key : keys) {
            if (key.startsWith("raw/test_some_table/")) {
                rows += admin.getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asUtf8String().lines().count();
            }
        }
        assertThat(rows).isEqualTo(20000);
        assertThat(keys).filteredOn(k -> k.startsWith("raw/test_some_table/"))
                .anySatisfy(k -> assertThat(admin.headObject(r -> r.bucket(BUCKET).key(k)).contentLength())
                        .as("an object uploaded in parts").isGreaterThan(5L << 20));
        assertThat(admin.listMultipartUploads(r -> r.bucket(BUCKET)).uploads()).isEmpty();
    }

    @Test
    void writesOutsideEachRoleAreRefused() {
        S3Client planner = s3As("PlannerFunction");
        refused(() -> planner.putObject(r -> r.bucket(BUCKET).key("raw/t/x.json"), RequestBody.fromString("{}")));
        S3Client fetch = s3As("FetchFunction");
        refused(() -> fetch.deleteObject(r -> r.bucket(BUCKET).key("raw/t/x.json")));
        refused(() -> fetch.putObject(r -> r.bucket("another-bucket").key("x"), RequestBody.fromString("{}")));
        S3Client finalizer = s3As("FinalizerFunction");
        refused(() -> finalizer.deleteObject(r -> r.bucket(BUCKET).key("raw/t/x.json")));
    }

    private static S3Client s3As(String function) {
        return MotoCalls.client(S3Client.builder(), moto.endpoint(), keys.get(function), null).forcePathStyle(true).build();
    }

    private static void refused(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsServiceException.class,
                e -> assertThat(e.statusCode() == 403 || CallRecorder.isRefusal(e.awsErrorDetails().errorCode())).as(e.getMessage()).isTrue());
    }
}
