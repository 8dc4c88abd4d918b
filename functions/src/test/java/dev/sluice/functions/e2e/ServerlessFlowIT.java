package dev.sluice.functions.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.emulators.LocalAws;
import dev.sluice.emulators.lambda.EventSourceMapping;
import dev.sluice.emulators.lambda.LocalContext;
import dev.sluice.engine.run.ItemRecord;
import dev.sluice.engine.run.RunRecord;
import dev.sluice.engine.run.RunState;
import dev.sluice.engine.serverless.ServerlessContext;
import dev.sluice.functions.FetchHandler;
import dev.sluice.functions.PlannerHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The serverless flow end to end on the emulators (dynalite, ElasticMQ), with the real handler
 * classes: schedule event → planner → fetches forced by a short budget to continue across
 * invocations → finalizer; test source into SQLite and into PostgreSQL.
 */
class ServerlessFlowIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 40 rows in pages of 4: 10 pages per table; the budget allows about 3 pages per invocation. */
    private static final String SOURCE_SPEC = "{num_rows: 40, num_sub_rows: 2, page_size: 4%s}";
    private static final AtomicInteger SOURCES = new AtomicInteger();
    private static LocalAws aws;

    @TempDir
    Path dir;
    private String source;
    private FlowDriver flow;

    @BeforeAll
    static void emulators() {
        aws = LocalAws.start();
    }

    @AfterAll
    static void stopEmulators() {
        aws.close();
    }

    @BeforeEach
    void freshLedgerAndQueues() {
        source = "test" + SOURCES.incrementAndGet();
        aws.sqs().purgeQueue(r -> r.queueUrl(aws.workQueue().url()));
        aws.sqs().purgeQueue(r -> r.queueUrl(aws.finalizeQueue().url()));
        flow = new FlowDriver(aws.dynamo(), aws.sqs(), aws.newRunsTable(), aws.cursorsTable(), aws.workQueue().url(),
                aws.finalizeQueue().url(), dir.resolve("sluice.yml"));
    }

    @AfterEach
    void closeContainers() {
        flow.close();
    }

    @Test
    void scheduledRunIntoSqliteContinuesAcrossInvocationsAndSucceeds() throws Exception {
        Path db = dir.resolve("out.sqlite");
        writeConfig("", "sqlite", "{connection_string: " + db + "}", "overwrite-delete-stale");
        Supplier<ServerlessContext> container = flow.container();
        RunRecord run = flow.runToTheEnd(container);

        assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(run.rows()).as("each page fetched and written once across continuations").isEqualTo(160);
        List<ItemRecord> items = container.get().ledger().items(run.id());
        assertThat(items).allSatisfy(i -> assertThat(i.current().sequence()).as("continuations of %s", i.current().key())
                .isGreaterThanOrEqualTo(2));
        assertThat(FlowDriver.sqlite(db, "SELECT count(*), count(DISTINCT id) FROM test_some_table")).isEqualTo("40/40");
        assertThat(FlowDriver.sqlite(db, "SELECT count(*) FROM test_sub_table")).isEqualTo("80");
        assertThat(FlowDriver.sqlite(db, "SELECT count(*), count(DISTINCT id) FROM test_incremental_table")).isEqualTo("40/40");
        assertThat(flow.cursor(source, "test_incremental_table")).as("the cursor in DynamoDB").isNotNull();
    }

    @Test
    void theSameMessageDeliveredTwiceAtOnceChangesNothingTheSecondTime() throws Exception {
        Path db = dir.resolve("out.sqlite");
        writeConfig("", "sqlite", "{connection_string: " + db + "}", "append");
        Supplier<ServerlessContext> first = flow.container();
        Supplier<ServerlessContext> second = flow.container();
        JsonNode started = EventSourceMapping.invoke(new PlannerHandler(first), JSON.readTree("{}"), LocalContext.countingDown(60_000, 0));
        String runId = started.path("runs").get(0).path("run_id").asText();
        List<Message> messages = aws.sqs().receiveMessage(r -> r.queueUrl(aws.workQueue().url()).maxNumberOfMessages(10)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        assertThat(messages).hasSize(2);
        for (Message m : messages) {
            JsonNode event = EventSourceMapping.event(List.of(m));
            CompletableFuture<JsonNode> a = CompletableFuture.supplyAsync(() ->
                    EventSourceMapping.invoke(new FetchHandler(first), event, LocalContext.countingDown(1_000_000, 1)));
            CompletableFuture<JsonNode> b = CompletableFuture.supplyAsync(() ->
                    EventSourceMapping.invoke(new FetchHandler(second), event, LocalContext.countingDown(1_000_000, 1)));
            assertThat(a.get().path("batchItemFailures").size() + b.get().path("batchItemFailures").size())
                    .as("at most the copy that found the item held is handed back, to finish it if the holder died")
                    .isLessThanOrEqualTo(1);
            aws.sqs().deleteMessage(r -> r.queueUrl(aws.workQueue().url()).receiptHandle(m.receiptHandle()));
        }
        flow.drain(first);
        RunRecord run = first.get().ledger().run(runId).orElseThrow();
        assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(run.rows()).as("rows counted once").isEqualTo(160);
        assertThat(first.get().ledger().items(runId)).as("rows per item, each counted once")
                .extracting(i -> i.rows().values().stream().mapToLong(Long::longValue).sum())
                .containsExactlyInAnyOrder(120L, 40L);
        assertThat(FlowDriver.sqlite(db, "SELECT count(*) FROM test_some_table")).isEqualTo("40");
        assertThat(FlowDriver.sqlite(db, "SELECT count(*) FROM test_sub_table")).isEqualTo("80");
    }

    @Test
    void aRunWithAFailingTableEndsPartialKeepingItsRowsAndDeletingStaleRowsElsewhere() throws Exception {
        Path db = dir.resolve("out.sqlite");
        writeConfig("", "sqlite", "{connection_string: " + db + "}", "overwrite-delete-stale");
        assertThat(flow.runToTheEnd(flow.container()).state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(FlowDriver.sqlite(db, "SELECT count(*) FROM test_some_table WHERE id % 10 = 9")).isEqualTo("4");

        writeConfig(", generation: 1, fail_table: test_incremental_table, fail_on_page: 2", "sqlite",
                "{connection_string: " + db + "}", "overwrite-delete-stale");
        RunRecord second = flow.runToTheEnd(flow.container());
        assertThat(second.state()).isEqualTo(RunState.PARTIAL);
        assertThat(FlowDriver.sqlite(db, "SELECT count(*) FROM test_some_table WHERE id % 10 = 9")).as("stale rows deleted").isEqualTo("0");
        assertThat(FlowDriver.sqlite(db, "SELECT count(*) FROM test_some_table WHERE generation = 1")).isEqualTo("36");
        assertThat(FlowDriver.sqlite(db, "SELECT count(*) FROM test_incremental_table"))
                .as("the failed table keeps its 40 rows, plus the new page written before the failure").isEqualTo("44");
        assertThat(second.summary().orElseThrow()).contains("test_incremental_table");
    }

    @Test
    void scheduledRunIntoPostgresql() throws Exception {
        String database = "sluice_e2e_" + System.nanoTime();
        String server = System.getenv().getOrDefault("SLUICE_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres");
        String base = server.substring(0, server.lastIndexOf('/') + 1);
        FlowDriver.execute(base + "postgres", "CREATE DATABASE " + database);
        try {
            writeConfig("", "postgresql", "{connection_string: \"" + base + database + "\"}", "overwrite-delete-stale");
            RunRecord run = flow.runToTheEnd(flow.container());
            assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(FlowDriver.query(base + database, "SELECT count(*), count(DISTINCT id) FROM test_some_table")).isEqualTo("40/40");
            assertThat(FlowDriver.query(base + database, "SELECT count(*) FROM test_incremental_table")).isEqualTo("40");
            assertThat(flow.cursor(source, "test_incremental_table")).isNotNull();
        } finally {
            FlowDriver.execute(base + "postgres", "DROP DATABASE " + database + " WITH (FORCE)");
        }
    }

    private void writeConfig(String extraSourceSpec, String destination, String destinationSpec, String writeMode) throws IOException {
        Files.writeString(dir.resolve("sluice.yml"), """
                kind: source
                spec:
                  name: %s
                  path: cloudquery/test
                  tables: ["*"]
                  destinations: [out]
                  spec: %s
                ---
                kind: destination
                spec:
                  name: out
                  path: cloudquery/%s
                  write_mode: %s
                  spec: %s
                """.formatted(source, SOURCE_SPEC.formatted(extraSourceSpec), destination, writeMode, destinationSpec));
    }

}
