package dev.sluice.functions.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.emulators.lambda.EventSourceMapping;
import dev.sluice.emulators.lambda.LocalContext;
import dev.sluice.engine.run.ItemRecord;
import dev.sluice.engine.run.RunRecord;
import dev.sluice.engine.run.RunState;
import dev.sluice.engine.serverless.ServerlessContext;
import dev.sluice.functions.ApiHandler;
import dev.sluice.functions.Container;
import dev.sluice.functions.e2e.FlowDriver;
import dev.sluice.functions.FetchHandler;
import dev.sluice.functions.PlannerHandler;
import dev.sluice.infra.AwsClients;
import dev.sluice.infra.AwsResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The serverless flow end to end on LocalStack (DynamoDB and SQS in a container, through
 * Testcontainers), with the real handler classes, the tables and queues of {@link AwsResources}
 * and the ledger, cursors and queues of {@link Container#build}: schedule event → planner →
 * fetches forced by a short budget to continue across invocations → finalizer, and the HTTP API
 * over the same run. Only in the {@code localstack} profile (machines with Docker); the default
 * build runs the same flow on the in-JVM emulators (ServerlessFlowIT, whose driver this
 * shares through FlowDriver).
 */
class LocalStackFlowIT {
    /** The image; -Dsluice.localstack.image=localstack/localstack:TAG for another one. */
    private static final String IMAGE = System.getProperty("sluice.localstack.image", "localstack/localstack:3.8.1");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 40 rows in pages of 4: 10 pages per table; the budget allows about 3 pages per invocation. */
    private static final String SOURCE_SPEC = "{num_rows: 40, num_sub_rows: 2, page_size: 4}";
    private static final AtomicInteger RESOURCES = new AtomicInteger();

    private static LocalStackContainer localstack;
    private static DynamoDbClient dynamo;
    private static SqsClient sqs;

    @TempDir
    Path dir;
    private AwsResources.QueuePair work;
    private FlowDriver flow;

    @BeforeAll
    static void localstack() {
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            docker = false;
        }
        if (!docker) {
            fail("LocalStack needs Docker: Testcontainers found no Docker engine (see its log above). The localstack profile"
                    + " is for machines with Docker; without it run the default build, whose ServerlessFlowIT runs the same"
                    + " flow on the in-JVM emulators.");
        }
        localstack = new LocalStackContainer(DockerImageName.parse(IMAGE))
                .withServices(LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.SQS);
        localstack.start();
        AwsClients clients = new AwsClients(Region.of(localstack.getRegion()), Optional.of(localstack.getEndpoint()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(localstack.getAccessKey(), localstack.getSecretKey())));
        dynamo = clients.dynamo();
        sqs = clients.sqs();
    }

    @AfterAll
    static void stop() {
        if (localstack != null) {
            localstack.stop();
        }
    }

    @BeforeEach
    void freshTablesAndQueues() {
        // new ones for each test rather than purged ones: SQS allows one PurgeQueue a minute per queue
        int n = RESOURCES.incrementAndGet();
        work = AwsResources.createQueue(sqs, "sluice-work-" + n, 60);
        AwsResources.QueuePair finalize = AwsResources.createQueue(sqs, "sluice-finalize-" + n, 60);
        String runsTable = "sluice-runs-" + n;
        String cursorsTable = "sluice-cursors-" + n;
        AwsResources.createRunsTable(dynamo, runsTable);
        AwsResources.createCursorsTable(dynamo, cursorsTable);
        flow = new FlowDriver(dynamo, sqs, runsTable, cursorsTable, work.url(), finalize.url(), dir.resolve("sluice.yml"));
    }

    @AfterEach
    void closeContainers() {
        flow.close();
    }

    @Test
    void scheduledRunIntoSqliteContinuesAcrossInvocationsAndSucceeds() throws Exception {
        Path db = writeConfig();
        Supplier<ServerlessContext> container = flow.container();
        JsonNode started = invoke(new PlannerHandler(container), Files.readString(FlowDriver.events().resolve("schedule-all.json")));
        String runId = started.path("runs").get(0).path("run_id").asText();
        assertThat(runId).as("planner answer %s", started).isNotEmpty();
        flow.drain(container);

        RunRecord run = container.get().ledger().run(runId).orElseThrow();
        assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
        List<ItemRecord> items = container.get().ledger().items(runId);
        assertThat(items).allSatisfy(i -> assertThat(i.current().sequence()).as("continuations of %s", i.current().key())
                .isGreaterThanOrEqualTo(2));
        assertThat(FlowDriver.sqlite(db, "SELECT count(*), count(DISTINCT id) FROM test_some_table")).isEqualTo("40/40");
        assertThat(FlowDriver.sqlite(db, "SELECT count(*) FROM test_sub_table")).isEqualTo("80");
        assertThat(FlowDriver.sqlite(db, "SELECT count(*), count(DISTINCT id) FROM test_incremental_table")).isEqualTo("40/40");
        assertThat(flow.cursor("test", "test_incremental_table")).as("the cursor in DynamoDB").isNotNull();
    }

    @Test
    void theApiStartsARunAndReportsItFromTheLedgerInDynamoDb() throws Exception {
        Path db = writeConfig();
        Supplier<ServerlessContext> container = flow.container();
        ApiHandler api = new ApiHandler(container);

        JsonNode post = invoke(api, Files.readString(FlowDriver.events().resolve("api-post-sync.json")));
        assertThat(post.path("statusCode").asInt()).as(post.toString()).isEqualTo(202);
        String runId = body(post).path("runs").get(0).path("run_id").asText();
        JsonNode again = invoke(api, Files.readString(FlowDriver.events().resolve("api-post-sync.json")));
        assertThat(again.path("statusCode").asInt()).as(again.toString()).isEqualTo(409);
        assertThat(body(again).path("runs").get(0).path("active_run_id").asText()).isEqualTo(runId);
        JsonNode unknown = invoke(api, Files.readString(FlowDriver.events().resolve("api-get-sync.json")));
        assertThat(unknown.path("statusCode").asInt()).as(unknown.toString()).isEqualTo(404);
        JsonNode bad = invoke(api, Files.readString(FlowDriver.events().resolve("api-post-bad-body.json")));
        assertThat(bad.path("statusCode").asInt()).as(bad.toString()).isEqualTo(400);

        flow.drain(container);
        JsonNode get = invoke(api, JSON.writeValueAsString(getSync(runId)));
        assertThat(get.path("statusCode").asInt()).as(get.toString()).isEqualTo(200);
        assertThat(body(get).path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(body(get).path("items")).singleElement().satisfies(i -> {
            assertThat(i.path("table").asText()).isEqualTo("test_some_table");
            assertThat(i.path("state").asText()).isEqualTo("DONE");
            assertThat(i.path("rows").path("test_some_table").asLong()).isEqualTo(40);
        });
        JsonNode list = invoke(api, Files.readString(FlowDriver.events().resolve("api-list-syncs.json")));
        assertThat(list.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body(list).path("runs")).extracting(r -> r.path("id").asText()).containsExactly(runId);
        assertThat(FlowDriver.sqlite(db, "SELECT count(*) FROM test_some_table")).isEqualTo("40");
    }

    @Test
    void aMalformedWorkMessageIsReportedUntilTheQueueMovesItToTheDeadLetterQueue() {
        writeConfigUnchecked();
        Supplier<ServerlessContext> container = flow.container();
        sqs.sendMessage(r -> r.queueUrl(work.url()).messageBody("not a Sluice message"));
        EventSourceMapping fetch = new EventSourceMapping(sqs, work.url(), new FetchHandler(container), 10,
                () -> LocalContext.countingDown(600_000, 0));
        int invocations = fetch.drain(AwsResources.MAX_RECEIVE_COUNT + 2);
        assertThat(invocations).as("delivered, and reported, until its receive count passed the redrive policy's")
                .isGreaterThanOrEqualTo(AwsResources.MAX_RECEIVE_COUNT);
        List<Message> dead = sqs.receiveMessage(r -> r.queueUrl(work.deadLetterUrl()).maxNumberOfMessages(10).waitTimeSeconds(2))
                .messages();
        assertThat(dead).extracting(Message::body).containsExactly("not a Sluice message");
    }

    // ---------------------------------------------------------------- helpers (the driver is FlowDriver, shared with ServerlessFlowIT)

    private static JsonNode invoke(RequestStreamHandler handler, String event) throws IOException {
        return FlowDriver.invoke(handler, JSON.readTree(event));
    }

    private static JsonNode body(JsonNode response) throws IOException {
        return JSON.readTree(response.path("body").asText());
    }

    /** events/api-get-sync.json asking for {@code runId}. */
    private static JsonNode getSync(String runId) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(FlowDriver.events().resolve("api-get-sync.json").toFile());
        event.put("rawPath", "/syncs/" + runId);
        ((ObjectNode) event.path("requestContext").path("http")).put("path", "/syncs/" + runId);
        ((ObjectNode) event.path("pathParameters")).put("id", runId);
        return event;
    }

    /** Source {@code test} (the sample events' source) into SQLite; returns the database file. */
    private Path writeConfig() throws IOException {
        Path db = dir.resolve("out.sqlite");
        Files.writeString(dir.resolve("sluice.yml"), """
                kind: source
                spec:
                  name: test
                  path: cloudquery/test
                  tables: ["*"]
                  destinations: [out]
                  spec: %s
                ---
                kind: destination
                spec:
                  name: out
                  path: cloudquery/sqlite
                  write_mode: overwrite-delete-stale
                  spec: {connection_string: "%s"}
                """.formatted(SOURCE_SPEC, db));
        return db;
    }

    private void writeConfigUnchecked() {
        try {
            writeConfig();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
