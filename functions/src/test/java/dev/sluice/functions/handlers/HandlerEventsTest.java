package dev.sluice.functions.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.config.SpecLoader;
import dev.sluice.engine.connect.ConnectorRegistry;
import dev.sluice.engine.plan.WorkItem;
import dev.sluice.engine.run.MemoryRunLedger;
import dev.sluice.engine.run.RunRecord;
import dev.sluice.engine.run.RunState;
import dev.sluice.engine.run.WorkMessages;
import dev.sluice.engine.serverless.ServerlessContext;
import dev.sluice.engine.serverless.ServerlessSettings;
import dev.sluice.engine.sync.SyncSetup;
import dev.sluice.functions.ApiHandler;
import dev.sluice.functions.FetchHandler;
import dev.sluice.functions.FinalizerHandler;
import dev.sluice.functions.RunMetrics;
import dev.sluice.functions.PlannerHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every event a handler can meet, through the handlers' stream interface as the Lambda runtime
 * calls them, on an in-memory ledger, queue and cursors (no emulators): AWS's own sample events
 * (../shared/conformance/events), the project's (events/), and malformed input. No exception may
 * escape; foreign or malformed messages are reported as batch-item failures, foreign or bad
 * requests as a 4xx.
 */
class HandlerEventsTest {
    /** The status ApiHandler answers to each of AWS's API Gateway samples: none is a Sluice route. */
    private static final Map<String, Integer> CONFORMANCE_API_STATUS = Map.of(
            "apigw-v1-rest-proxy.aws-lambda-go.json", 404,          // POST /hello/world (REST API v1)
            "apigw-v1-rest-proxy.aws-lambda-java-libs.json", 404,   // GET /my/path (REST API v1)
            "apigw-v2-http-api.aws-lambda-go.json", 404,            // GET / (HTTP API v2, $default route)
            "apigw-v2-http-api.aws-lambda-java-libs.json", 404);    // POST /my/path (HTTP API v2)
    private static final String SAMPLE_RUN_ID = "3f2b8c1e-7d4a-4e8b-9c61-2a5d0f9e4b17";

    @TempDir
    Path dir;
    private MemoryRunLedger ledger;
    private MemoryWorkQueue queue;
    private final List<ServerlessContext> contexts = new ArrayList<>();
    private Supplier<ServerlessContext> context;

    @BeforeEach
    void context() throws IOException {
        Files.writeString(dir.resolve("sluice.yml"), """
                kind: source
                spec:
                  name: test
                  path: cloudquery/test
                  tables: ["*"]
                  destinations: [out]
                  spec: {num_rows: 6, num_sub_rows: 1, page_size: 2}
                ---
                kind: source
                spec:
                  name: other
                  path: cloudquery/test
                  tables: ["test_some_table"]
                  destinations: [other_out]
                  spec: {num_rows: 3, num_sub_rows: 1, page_size: 2}
                ---
                kind: destination
                spec:
                  name: out
                  path: cloudquery/sqlite
                  write_mode: overwrite-delete-stale
                  spec: {connection_string: "%s"}
                ---
                kind: destination
                spec:
                  name: other_out
                  path: cloudquery/sqlite
                  spec: {connection_string: "%s"}
                """.formatted(dir.resolve("out.sqlite"), dir.resolve("other.sqlite")));
        ledger = new MemoryRunLedger();
        queue = new MemoryWorkQueue();
        context = contextWith(ServerlessSettings.defaults());
    }

    @AfterEach
    void close() {
        contexts.forEach(ServerlessContext::close);
    }

    private Supplier<ServerlessContext> contextWith(ServerlessSettings settings) {
        ServerlessContext ctx = new ServerlessContext(
                SyncSetup.prepare(new SpecLoader().load(List.of(dir.resolve("sluice.yml")), Map.of()), ConnectorRegistry.builtIn()),
                ledger, queue, new MemoryCursors(), settings);
        contexts.add(ctx);
        return () -> ctx;
    }

    // ---------------------------------------------------------------- AWS's sample events

    @Test
    void everyConformanceEventIsOfAKindThisTestFeeds() throws IOException {
        assertThat(conformance(""))
                .as("AWS sample events in %s", Invoke.conformanceEvents()).isNotEmpty()
                .allSatisfy(f -> assertThat(f.getFileName().toString()).matches("(apigw|scheduled|sqs)-.*\\.json"));
        assertThat(conformance("apigw-")).extracting(f -> f.getFileName().toString())
                .as("every API sample has its expected status").containsExactlyInAnyOrderElementsOf(CONFORMANCE_API_STATUS.keySet());
    }

    @Test
    void foreignApiGatewayRequestsGetA404NamingTheRoutes() throws IOException {
        for (Path f : conformance("apigw-")) {
            String name = f.getFileName().toString();
            JsonNode response = Invoke.file(new ApiHandler(context), f);
            assertThat(response.path("statusCode").asInt()).as(name + ": " + response).isEqualTo(CONFORMANCE_API_STATUS.get(name));
            assertThat(response.path("headers").path("content-type").asText()).as(name).isEqualTo("application/json");
            assertThat(Invoke.body(response).path("error").asText()).as(name)
                    .startsWith("no route ").contains("POST /syncs, GET /syncs, GET /syncs/{id}");
        }
        assertThat(ledger.recent(10)).as("nothing started").isEmpty();
        assertThat(queue.work()).isEmpty();
    }

    @Test
    void theScheduledEventEnvelopeWithEmptyDetailStartsARunOfEverySource() throws IOException {
        for (Path f : conformance("scheduled-")) {
            JsonNode answer = Invoke.file(new PlannerHandler(context), f);
            assertThat(answer.path("runs")).as(f + ": " + answer).hasSize(2);
            assertThat(answer.path("runs")).extracting(r -> r.path("source").asText()).containsExactly("test", "other");
            assertThat(answer.path("runs")).allSatisfy(r -> {
                assertThat(r.path("run_id").asText()).isNotEmpty();
                assertThat(r.path("items").asInt()).isPositive();
            });
            assertThat(ledger.recent(10)).extracting(r -> r.run().sourceName()).containsExactlyInAnyOrder("test", "other");
            assertThat(queue.work()).hasSize(answer.path("runs").get(0).path("items").asInt() + answer.path("runs").get(1).path("items").asInt());
        }
    }

    @Test
    void theScheduledEventEnvelopeToTheFinalizerSweeps() throws IOException {
        for (Path f : conformance("scheduled-")) {
            JsonNode answer = Invoke.file(new FinalizerHandler(context), f);
            assertThat(answer.path("closed").isArray()).as(f + ": " + answer).isTrue();
            assertThat(answer.path("closed")).isEmpty();
        }
    }

    @Test
    void sqsEventsWithForeignBodiesGetEveryRecordReportedByBothQueueConsumers() throws IOException {
        for (Path f : conformance("sqs-")) {
            List<String> ids = new ArrayList<>();
            Invoke.read(f).path("Records").forEach(r -> ids.add(r.path("messageId").asText()));
            assertThat(ids).as(f.toString()).isNotEmpty().doesNotContain("");
            assertThat(failures(Invoke.file(new FetchHandler(context), f))).as("fetch, " + f).containsExactlyElementsOf(ids);
            assertThat(failures(Invoke.file(new FinalizerHandler(context), f))).as("finalizer, " + f).containsExactlyElementsOf(ids);
        }
        assertThat(ledger.recent(10)).isEmpty();
        assertThat(queue.work()).isEmpty();
        assertThat(queue.finalizeRequests()).isEmpty();
    }

    // ---------------------------------------------------------------- the project's sample events

    @Test
    void postSyncStartsARunAnswering202AndASecondPostWhileItIsActiveGets409() {
        JsonNode first = Invoke.file(new ApiHandler(context), event("api-post-sync.json"));
        assertThat(first.path("statusCode").asInt()).as(first.toString()).isEqualTo(202);
        JsonNode run = Invoke.body(first).path("runs");
        assertThat(run).hasSize(1);
        String runId = run.get(0).path("run_id").asText();
        assertThat(runId).isNotEmpty();
        assertThat(run.get(0).path("source").asText()).isEqualTo("test");
        assertThat(run.get(0).path("items").asInt()).as("only test_some_table, as the body asks").isEqualTo(1);
        assertThat(queue.work()).singleElement().satisfies(m -> assertThat(m).contains("\"table\":\"test_some_table\"", runId));

        JsonNode second = Invoke.file(new ApiHandler(context), event("api-post-sync.json"));
        assertThat(second.path("statusCode").asInt()).as(second.toString()).isEqualTo(409);
        JsonNode refused = Invoke.body(second).path("runs").get(0);
        assertThat(refused.path("active_run_id").asText()).isEqualTo(runId);
        assertThat(refused.has("run_id")).isFalse();
        assertThat(queue.work()).as("nothing more enqueued").hasSize(1);
    }

    @Test
    void aNamedStageRoutesOnTheRouteKeyNotTheRawPath() {
        JsonNode unknown = Invoke.file(new ApiHandler(context), event("api-get-sync-named-stage.json"));
        assertThat(unknown.path("statusCode").asInt()).as(unknown.toString()).isEqualTo(404);
        assertThat(Invoke.body(unknown).path("error").asText()).isEqualTo("no run " + SAMPLE_RUN_ID);

        String runId = Invoke.body(Invoke.file(new ApiHandler(context), event("api-post-sync.json"))).path("runs").get(0).path("run_id").asText();
        ObjectNode named = (ObjectNode) Invoke.read(event("api-get-sync-named-stage.json"));
        named.put("rawPath", "/prod/syncs/" + runId);
        ((ObjectNode) named.path("pathParameters")).put("id", runId);
        JsonNode found = Invoke.json(new ApiHandler(context), named);
        assertThat(found.path("statusCode").asInt()).as(found.toString()).isEqualTo(200);
        assertThat(Invoke.body(found).path("id").asText()).isEqualTo(runId);
    }

    @Test
    void getSyncAnswers404ForTheSampleIdAnd200WithPerTableItemsForARealOne() {
        JsonNode unknown = Invoke.file(new ApiHandler(context), event("api-get-sync.json"));
        assertThat(unknown.path("statusCode").asInt()).as(unknown.toString()).isEqualTo(404);
        assertThat(Invoke.body(unknown).path("error").asText()).isEqualTo("no run " + SAMPLE_RUN_ID);

        String runId = Invoke.body(Invoke.file(new ApiHandler(context), event("api-post-sync.json"))).path("runs").get(0).path("run_id").asText();
        JsonNode running = get(runId);
        assertThat(running.path("id").asText()).isEqualTo(runId);
        assertThat(running.path("source").asText()).isEqualTo("test");
        assertThat(running.path("status").asText()).isEqualTo("RUNNING");
        assertThat(running.path("items")).singleElement().satisfies(i -> {
            assertThat(i.path("table").asText()).isEqualTo("test_some_table");
            assertThat(i.path("state").asText()).isEqualTo("PENDING");
        });

        drain();
        JsonNode ended = get(runId);
        assertThat(ended.path("status").asText()).as(ended.toString()).isEqualTo("SUCCEEDED");
        assertThat(ended.path("items")).singleElement().satisfies(i -> {
            assertThat(i.path("table").asText()).isEqualTo("test_some_table");
            assertThat(i.path("state").asText()).isEqualTo("DONE");
            assertThat(i.path("rows").path("test_some_table").asLong()).isEqualTo(6);
        });
        assertThat(ended.path("report").path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(ended.path("report").path("tables")).extracting(t -> t.path("table").asText()).contains("test_some_table");
    }

    @Test
    void listSyncsAnswers200WithTheRunsNewestFirst() {
        JsonNode empty = Invoke.file(new ApiHandler(context), event("api-list-syncs.json"));
        assertThat(empty.path("statusCode").asInt()).isEqualTo(200);
        assertThat(Invoke.body(empty).path("runs")).isEmpty();

        List<String> ids = new ArrayList<>();
        Invoke.file(new PlannerHandler(context), event("schedule-all.json")).path("runs").forEach(r -> ids.add(r.path("run_id").asText()));
        JsonNode list = Invoke.file(new ApiHandler(context), event("api-list-syncs.json"));
        assertThat(list.path("statusCode").asInt()).as(list.toString()).isEqualTo(200);
        assertThat(Invoke.body(list).path("runs")).extracting(r -> r.path("id").asText()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(Invoke.body(list).path("runs")).allSatisfy(r -> assertThat(r.path("status").asText()).isEqualTo("RUNNING"));
    }

    @Test
    void postWithATruncatedBodyAnswers400SayingItIsNotJson() {
        JsonNode response = Invoke.file(new ApiHandler(context), event("api-post-bad-body.json"));
        assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(400);
        assertThat(Invoke.body(response).path("error").asText()).startsWith("the body is not JSON: ");
        assertThat(ledger.recent(10)).isEmpty();
    }

    @Test
    void theSampleWorkItemOfAnUnknownRunIsDroppedNotFailed() {
        assertThat(failures(Invoke.file(new FetchHandler(context), event("sqs-work-item.json")))).isEmpty();
        assertThat(queue.work()).isEmpty();
        assertThat(queue.finalizeRequests()).isEmpty();
        assertThat(ledger.run(SAMPLE_RUN_ID)).isEmpty();
    }

    @Test
    void theSampleFinalizeRequestOfAnUnknownRunIsNotAFailure() {
        assertThat(failures(Invoke.file(new FinalizerHandler(context), event("sqs-finalize.json")))).isEmpty();
        assertThat(ledger.run(SAMPLE_RUN_ID)).isEmpty();
    }

    @Test
    void sweepClosesRunsWhoseDeadlinePassedAndNothingElse() {
        assertThat(Invoke.file(new FinalizerHandler(context), event("sweep.json")).path("closed")).isEmpty();

        String runId = Invoke.file(new PlannerHandler(context), event("schedule.json")).path("runs").get(0).path("run_id").asText();
        assertThat(Invoke.file(new FinalizerHandler(context), event("sweep.json")).path("closed")).as("not overdue yet").isEmpty();

        // the work message is lost; two hours later (past the 30 minutes' stall) the sweep closes the run
        Supplier<ServerlessContext> later = contextWith(ServerlessSettings.defaults()
                .withClock(Clock.offset(Clock.systemUTC(), Duration.ofHours(2))));
        java.io.ByteArrayOutputStream emf = new java.io.ByteArrayOutputStream();
        JsonNode swept = Invoke.file(new FinalizerHandler(later, new RunMetrics("stack", new java.io.PrintStream(emf, true))),
                event("sweep.json"));
        assertThat(swept.path("closed")).extracting(JsonNode::asText).containsExactly(runId);
        JsonNode metrics = Invoke.read(emf.toString(StandardCharsets.UTF_8));
        assertThat(metrics.path("_aws").path("CloudWatchMetrics").get(0).path("Namespace").asText()).isEqualTo("Sluice");
        assertThat(metrics.path("run_id").asText()).isEqualTo(runId);
        assertThat(metrics.path("status").asText()).isEqualTo("FAILED");
        assertThat(metrics.path("RunsNotSucceeded").asInt()).as("what RunsNotSucceededAlarm counts").isEqualTo(1);
        assertThat(metrics.path("Stack").asText()).isEqualTo("stack");
        RunRecord run = ledger.run(runId).orElseThrow();
        assertThat(run.state()).isEqualTo(RunState.FAILED);
        assertThat(ledger.items(runId)).allSatisfy(i -> assertThat(i.error()).hasValueSatisfying(e -> assertThat(e).contains("no progress")));
        assertThat(Invoke.file(new FinalizerHandler(later), event("sweep.json")).path("closed")).as("swept once").isEmpty();
    }

    @Test
    void scheduleEventsStartTheSourceTheyNameOrEverySource() {
        assertThat(sources(Invoke.file(new PlannerHandler(context), event("schedule.json")))).containsExactly("test");
        assertThat(sources(Invoke.file(new PlannerHandler(context), event("schedule-all.json"))))
                .as("test is still active; other starts").containsExactly("other");
        JsonNode refused = Invoke.file(new PlannerHandler(context), event("schedule-input.json")).path("runs");
        assertThat(refused).singleElement().satisfies(r -> {
            assertThat(r.path("source").asText()).isEqualTo("test");
            assertThat(r.path("refused").asText()).isNotEmpty();
            assertThat(r.path("active_run_id").asText()).isNotEmpty();
        });
    }

    @Test
    void scheduleInputWithoutEnvelopeStartsTheSourceItNames() {
        JsonNode runs = Invoke.file(new PlannerHandler(context), event("schedule-input.json")).path("runs");
        assertThat(runs).singleElement().satisfies(r -> {
            assertThat(r.path("source").asText()).isEqualTo("test");
            assertThat(r.path("run_id").asText()).isNotEmpty();
        });
        assertThat(sources(Invoke.file(new PlannerHandler(context), event("schedule-all.json")))).containsExactly("other");
    }

    @Test
    void aScheduledRunOfEverySourceRunsThroughFetchAndFinalizerToTheEnd() {
        List<String> ids = new ArrayList<>();
        Invoke.file(new PlannerHandler(context), event("schedule-all.json")).path("runs").forEach(r -> ids.add(r.path("run_id").asText()));
        assertThat(ids).hasSize(2);
        drain();
        assertThat(ids).allSatisfy(id -> assertThat(ledger.run(id).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED));
        assertThat(failures(Invoke.json(new FinalizerHandler(context), MemoryWorkQueue.sqsEvent(
                ids.stream().map(WorkMessages::encodeFinalize).toList())))).as("finalizing again changes nothing").isEmpty();
    }

    // ---------------------------------------------------------------- malformed input

    /** Raw invocation payloads that are no event at all. */
    private static final List<String> NOT_EVENTS = List.of("", "   ", "[]", "\"text\"", "null", "42", "not json", "{\"Records\": 3}",
            "{\"Records\": {}}");

    @Test
    void theApiAnswers400ToAnythingThatIsNotAnApiGatewayRequest() {
        for (String input : NOT_EVENTS) {
            JsonNode response = Invoke.raw(new ApiHandler(context), input);
            assertThat(response.path("statusCode").asInt()).as("input %s: %s", input, response).isEqualTo(400);
            assertThat(Invoke.body(response).path("error").asText()).isEqualTo("not an API Gateway request");
        }
        assertThat(ledger.recent(10)).isEmpty();
    }

    @Test
    void theQueueConsumersReportAnythingThatIsNotAnSqsEventWithoutFailingOrThrowing() {
        for (String input : NOT_EVENTS) {
            JsonNode fetch = Invoke.raw(new FetchHandler(context), input);
            assertThat(fetch.path("batchItemFailures").isArray()).as("fetch, input %s: %s", input, fetch).isTrue();
            assertThat(fetch.path("batchItemFailures")).as("no record, nothing to report").isEmpty();
            JsonNode finalizer = Invoke.raw(new FinalizerHandler(context), input);
            assertThat(finalizer.path("error").asText()).as("finalizer, input %s: %s", input, finalizer)
                    .isEqualTo("not an SQS or scheduled event");
        }
        assertThat(ledger.recent(10)).isEmpty();
        assertThat(queue.work()).isEmpty();
    }

    @Test
    void thePlannerReportsAnInputThatIsNotAStartRequest() {
        for (String input : List.of("[]", "\"text\"", "42", "{\"source\": 5}", "{\"source\": \" \"}", "{\"tables\": [\"test_*\"]}",
                "{\"source\": \"test\", \"tables\": \"test_some_table\"}", "{\"source\": \"test\", \"tables\": [7]}",
                "{\"source\": \"nope\"}", "{\"source\": \"test\", \"tables\": [\"nope_*\"]}", "{\"source\": \"test\", \"extra\": 1}",
                "{\"detail-type\": \"Scheduled Event\", \"detail\": {\"source\": \"nope\"}}")) {
            JsonNode answer = Invoke.raw(new PlannerHandler(context), input);
            assertThat(answer.path("error").asText()).as("input %s: %s", input, answer).isNotEmpty();
            assertThat(answer.has("runs")).isFalse();
        }
        assertThat(ledger.recent(10)).isEmpty();
        assertThat(queue.work()).isEmpty();
    }

    @Test
    void recordsThatAreNotSluiceMessagesAreBatchItemFailuresOfBothConsumers() {
        List<String> bodies = List.of("not json", "", "[]", "\"text\"", "{}", "{\"kind\": \"sluice.other\", \"run_id\": \"r\"}",
                "{\"kind\": 7}", "{\"kind\": \"sluice.finalize\"}", "{\"kind\": \"sluice.finalize\", \"run_id\": 5}",
                "{\"kind\": \"sluice.work_item\", \"run_id\": \"r\", \"source\": \"test\", \"table\": \"t\"}",
                "{\"kind\": \"sluice.work_item\", \"run_id\": \"r\", \"source\": \"test\", \"table\": \"t\", \"sequence\": -1}",
                "{\"kind\": \"sluice.work_item\", \"run_id\": \"r\", \"source\": \"test\", \"table\": \"t\", \"sequence\": \"0\"}",
                "{\"kind\": \"sluice.work_item\", \"source\": \"test\", \"table\": \"t\", \"sequence\": 0}");
        ObjectNode event = MemoryWorkQueue.sqsEvent(bodies);
        List<String> ids = new ArrayList<>();
        event.path("Records").forEach(r -> ids.add(r.path("messageId").asText()));
        assertThat(failures(Invoke.json(new FetchHandler(context), event))).containsExactlyElementsOf(ids);
        assertThat(failures(Invoke.json(new FinalizerHandler(context), event))).containsExactlyElementsOf(ids);
    }

    @Test
    void aRecordWithoutBodyOrIdIsReportedToo() throws IOException {
        JsonNode event = Invoke.JSON.readTree("{\"Records\": [{\"messageId\": \"no-body\"}, {}, 5]}");
        assertThat(failures(Invoke.json(new FetchHandler(context), event))).containsExactly("no-body", "", "");
        assertThat(failures(Invoke.json(new FinalizerHandler(context), event))).containsExactly("no-body", "", "");
    }

    @Test
    void onlyTheBadRecordsOfAMixedBatchFail() {
        String runId = Invoke.file(new PlannerHandler(context), event("schedule.json")).path("runs").get(0).path("run_id").asText();
        List<String> work = queue.work();
        ObjectNode event = MemoryWorkQueue.sqsEvent(List.of(work.get(0), "not json", WorkMessages.encodeFinalize(runId)));
        List<String> ids = new ArrayList<>();
        event.path("Records").forEach(r -> ids.add(r.path("messageId").asText()));
        assertThat(failures(Invoke.json(new FetchHandler(context), event)))
                .as("the malformed one and the finalize request on the work queue").containsExactly(ids.get(1), ids.get(2));
        assertThat(ledger.items(runId)).filteredOn(i -> i.state().ended()).hasSize(1);
    }

    @Test
    void aWorkItemOnTheFinalizeQueueAndAFinalizeRequestOnTheWorkQueueFail() {
        String runId = Invoke.file(new PlannerHandler(context), event("schedule.json")).path("runs").get(0).path("run_id").asText();
        ObjectNode work = MemoryWorkQueue.sqsEvent(List.of(queue.work().get(0)));
        assertThat(failures(Invoke.json(new FinalizerHandler(context), work))).containsExactly(work.path("Records").get(0).path("messageId").asText());
        ObjectNode finalize = MemoryWorkQueue.sqsEvent(List.of(WorkMessages.encodeFinalize(runId)));
        assertThat(failures(Invoke.json(new FetchHandler(context), finalize))).containsExactly(finalize.path("Records").get(0).path("messageId").asText());
        assertThat(ledger.run(runId).orElseThrow().state()).as("neither did anything").isEqualTo(RunState.RUNNING);
        assertThat(ledger.items(runId)).noneSatisfy(i -> assertThat(i.state().ended()).isTrue());
    }

    @Test
    void aWorkItemOfAKnownRunForATableItDoesNotHaveOrFromAFutureSequenceIsDropped() {
        String runId = Invoke.file(new PlannerHandler(context), event("schedule.json")).path("runs").get(0).path("run_id").asText();
        ObjectNode event = MemoryWorkQueue.sqsEvent(List.of(
                WorkMessages.encode(new WorkItem(runId, "test", "no_such_table", "", Optional.empty(), 0)),
                WorkMessages.encode(new WorkItem(runId, "test", "test_some_table", "p1", Optional.empty(), 0)),
                WorkMessages.encode(new WorkItem(runId, "test", "test_some_table", "", Optional.of("token"), 7))));
        assertThat(failures(Invoke.json(new FetchHandler(context), event))).isEmpty();
        assertThat(ledger.items(runId)).noneSatisfy(i -> assertThat(i.state().ended()).isTrue());
        assertThat(ledger.run(runId).orElseThrow().state()).isEqualTo(RunState.RUNNING);
    }

    @Test
    void aWorkItemNamingAnotherSourceThanItsRunChangesNothing() {
        String runId = Invoke.file(new PlannerHandler(context), event("schedule.json")).path("runs").get(0).path("run_id").asText();
        ObjectNode event = MemoryWorkQueue.sqsEvent(List.of(
                WorkMessages.encode(new WorkItem(runId, "nope", "test_some_table", "", Optional.empty(), 0))));
        Invoke.json(new FetchHandler(context), event); // dropped or reported: either way it must not touch the run
        assertThat(ledger.items(runId)).as("the run's real items are untouched").noneSatisfy(i -> assertThat(i.state().ended()).isTrue());
        assertThat(ledger.run(runId).orElseThrow().state()).isEqualTo(RunState.RUNNING);
    }

    @Test
    void thePlannerStartsNothingOnAnEventThatIsNotJson() {
        for (String input : List.of("not json", "")) {
            JsonNode answer = Invoke.raw(new PlannerHandler(context), input);
            assertThat(answer.path("error").asText()).as("input %s: %s", input, answer).isNotEmpty();
        }
        assertThat(ledger.recent(10)).isEmpty();
    }

    @Test
    void aBodyMarkedBase64ThatIsNotAnswers400() {
        ObjectNode event = api("POST", "/syncs", "{\"source\": \"test\"}");
        event.put("isBase64Encoded", true);
        JsonNode response = Invoke.json(new ApiHandler(context), event);
        assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(400);
    }

    @Test
    void apiRequestsThatAreBadAnswer400NamingTheProblem() throws IOException {
        Map<String, String> bodies = Map.of(
                "[]", "the request must be a JSON object",
                "\"text\"", "the request must be a JSON object",
                "{\"source\": 5}", "\"source\" must be a source name",
                "{\"extra\": 1}", "unknown field \"extra\"",
                "{\"tables\": [\"test_*\"]}", "\"tables\" needs \"source\"",
                "{\"source\": \"test\", \"tables\": \"test_some_table\"}", "\"tables\" must be a list",
                "{\"source\": \"nope\"}", "no source named \"nope\"",
                "{\"source\": \"test\", \"tables\": [\"nope_*\"]}", "source test: ");
        for (Map.Entry<String, String> e : bodies.entrySet()) {
            JsonNode response = Invoke.json(new ApiHandler(context), api("POST", "/syncs", e.getKey()));
            assertThat(response.path("statusCode").asInt()).as("body %s: %s", e.getKey(), response).isEqualTo(400);
            assertThat(Invoke.body(response).path("error").asText()).as("body %s", e.getKey()).contains(e.getValue());
        }
        for (String limit : List.of("abc", "0", "101", "-1")) {
            ObjectNode list = api("GET", "/syncs", null);
            list.putObject("queryStringParameters").put("limit", limit);
            JsonNode response = Invoke.json(new ApiHandler(context), list);
            assertThat(response.path("statusCode").asInt()).as("limit %s: %s", limit, response).isEqualTo(400);
            assertThat(Invoke.body(response).path("error").asText()).startsWith("limit must be");
        }
        assertThat(ledger.recent(10)).isEmpty();
    }

    @Test
    void apiRoutesOtherThanTheSyncRoutesAnswer404() {
        for (String[] route : new String[][] {{"DELETE", "/syncs"}, {"PUT", "/syncs"}, {"POST", "/syncs/x"}, {"GET", "/syncs/a/b"},
                {"GET", "/"}, {"GET", "/syncsx"}, {"get", "/syncs"}, {"OPTIONS", "/syncs"}}) {
            JsonNode response = Invoke.json(new ApiHandler(context), api(route[0], route[1], null));
            assertThat(response.path("statusCode").asInt()).as("%s %s: %s", route[0], route[1], response).isEqualTo(404);
        }
    }

    @Test
    void apiAcceptsAnEmptyBodyAsEverySourceAndABase64Body() {
        JsonNode all = Invoke.json(new ApiHandler(context), api("POST", "/syncs", null));
        assertThat(all.path("statusCode").asInt()).as(all.toString()).isEqualTo(202);
        assertThat(Invoke.body(all).path("runs")).extracting(r -> r.path("source").asText()).containsExactly("test", "other");

        ObjectNode encoded = api("POST", "/syncs", Base64.getEncoder().encodeToString(
                "{\"source\": \"test\"}".getBytes(StandardCharsets.UTF_8)));
        encoded.put("isBase64Encoded", true);
        JsonNode again = Invoke.json(new ApiHandler(context), encoded);
        assertThat(again.path("statusCode").asInt()).as("decoded, and test is active: %s", again).isEqualTo(409);
    }

    @Test
    void aRestApiV1RequestIsRoutedByHttpMethodAndResource() throws IOException {
        ObjectNode v1 = (ObjectNode) Invoke.read(Invoke.conformanceEvents().resolve("apigw-v1-rest-proxy.aws-lambda-java-libs.json"));
        v1.put("resource", "/syncs"); // the matched resource; path is the request's (/my/path in the sample)
        JsonNode response = Invoke.json(new ApiHandler(context), v1);
        assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(200);
        assertThat(Invoke.body(response).path("runs").isArray()).isTrue();
    }

    @Test
    void whenTheContainerCannotStartQueueConsumersFailEveryRecordAndTheApiAnswers500() {
        Supplier<ServerlessContext> broken = () -> {
            throw new IllegalStateException("environment variable SLUICE_CONFIG is not set (template.yaml sets it)");
        };
        JsonNode sqs = Invoke.file(new FetchHandler(broken), event("sqs-work-item.json"));
        assertThat(failures(sqs)).containsExactly("9b6f2c1d-0e3a-4b7c-8d5e-6f1a2b3c4d5e");
        assertThat(failures(Invoke.file(new FinalizerHandler(broken), event("sqs-finalize.json"))))
                .containsExactly("4d3c2b1a-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
        JsonNode api = Invoke.file(new ApiHandler(broken), event("api-list-syncs.json"));
        assertThat(api.path("statusCode").asInt()).isEqualTo(500);
        assertThat(Invoke.body(api).path("error").asText()).doesNotContain("SLUICE_CONFIG").contains("see the function's log");
        // a scheduled invocation fails visibly (Lambda records the error, EventBridge retries)
        assertThatThrownBy(() -> new PlannerHandler(broken).handleRequest(
                new java.io.ByteArrayInputStream(Files.readAllBytes(event("schedule.json"))), new java.io.ByteArrayOutputStream(),
                dev.sluice.emulators.lambda.LocalContext.countingDown(60_000, 0)))
                .hasMessageContaining("SLUICE_CONFIG");
    }

    // ---------------------------------------------------------------- helpers

    /** Runs every work message through FetchHandler (one per invocation), then the finalize requests through FinalizerHandler. */
    private void drain() {
        for (int i = 0; i < 100; i++) {
            Optional<ObjectNode> next = queue.takeWork();
            if (next.isEmpty()) {
                break;
            }
            assertThat(failures(Invoke.json(new FetchHandler(context), next.get()))).as("fetch of %s", next.get()).isEmpty();
        }
        assertThat(queue.work()).as("drained").isEmpty();
        queue.takeFinalize().ifPresent(e -> assertThat(failures(Invoke.json(new FinalizerHandler(context), e))).isEmpty());
    }

    /** GET /syncs/{id}, from events/api-get-sync.json with the id replaced; the body of its 200. */
    private JsonNode get(String runId) {
        ObjectNode event = (ObjectNode) Invoke.read(event("api-get-sync.json"));
        event.put("rawPath", "/syncs/" + runId);
        ((ObjectNode) event.path("requestContext").path("http")).put("path", "/syncs/" + runId);
        ((ObjectNode) event.path("pathParameters")).put("id", runId);
        JsonNode response = Invoke.json(new ApiHandler(context), event);
        assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(200);
        return Invoke.body(response);
    }

    /** An HTTP API v2 request, from events/api-list-syncs.json with method, path and body replaced. */
    private static ObjectNode api(String method, String path, String body) {
        ObjectNode event = (ObjectNode) Invoke.read(event("api-list-syncs.json"));
        event.put("rawPath", path);
        event.put("routeKey", method + " " + path);
        ((ObjectNode) event.path("requestContext").path("http")).put("method", method).put("path", path);
        if (body != null) {
            event.put("body", body);
        }
        return event;
    }

    private static Path event(String name) {
        Path f = Invoke.events().resolve(name);
        assertThat(f).as("events/" + name).isRegularFile();
        return f;
    }

    private static List<Path> conformance(String prefix) throws IOException {
        try (Stream<Path> s = Files.list(Invoke.conformanceEvents())) {
            return s.filter(f -> f.getFileName().toString().startsWith(prefix) && f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static List<String> failures(JsonNode sqsBatchResponse) {
        assertThat(sqsBatchResponse.path("batchItemFailures").isArray()).as("an SQSBatchResponse: %s", sqsBatchResponse).isTrue();
        List<String> ids = new ArrayList<>();
        sqsBatchResponse.path("batchItemFailures").forEach(f -> ids.add(f.path("itemIdentifier").asText()));
        return ids;
    }

    private static List<String> sources(JsonNode plannerAnswer) {
        List<String> started = new ArrayList<>();
        plannerAnswer.path("runs").forEach(r -> {
            if (r.has("run_id")) {
                started.add(r.path("source").asText());
            }
        });
        return started;
    }
}
