package dev.sluice.functions.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.engine.plan.WorkItem;
import dev.sluice.engine.run.WorkMessage;
import dev.sluice.engine.run.WorkMessages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The sample events in events/: valid JSON of the shapes AWS sends, SQS bodies that the engine decodes. */
class EventFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode event(String name) throws IOException {
        return JSON.readTree(ProjectFiles.events().resolve(name).toFile());
    }

    @Test
    void everyEventFileIsJson() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(ProjectFiles.events())) {
            files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).extracting(f -> f.getFileName().toString()).contains("schedule.json",
                "schedule-all.json", "api-post-sync.json", "api-get-sync.json", "api-list-syncs.json",
                "api-post-bad-body.json", "sqs-work-item.json", "sqs-finalize.json");
        for (Path f : files) {
            assertThat(JSON.readTree(f.toFile()).isObject()).as(f.toString()).isTrue();
        }
        try (Stream<Path> s = Files.list(ProjectFiles.events())) {
            assertThat(s.map(f -> f.getFileName().toString()))
                    .allMatch(n -> n.endsWith(".json") || n.equals("README.md"));
        }
    }

    @Test
    void theWorkItemBodyDecodesAsAFirstWorkItem() throws Exception {
        JsonNode record = sqsRecord("sqs-work-item.json");
        WorkMessage m = WorkMessages.decode(record.path("body").asText());
        assertThat(m).isInstanceOf(WorkMessage.Work.class);
        WorkItem item = ((WorkMessage.Work) m).item();
        assertThat(item.sourceName()).isEqualTo("test");
        assertThat(item.table()).isEqualTo("test_some_table");
        assertThat(item.resumeToken()).isEmpty();
        assertThat(item.sequence()).isZero();
        // what the engine would send for the same item is the same message
        assertThat(JSON.readTree(WorkMessages.encode(new WorkItem(item.runId(), "test", "test_some_table", "",
                Optional.empty(), 0)))).isEqualTo(JSON.readTree(record.path("body").asText()));
        assertThat(record.path("eventSourceARN").asText()).contains("WorkQueue");
    }

    @Test
    void theFinalizeBodyDecodesForTheSameRun() throws Exception {
        JsonNode record = sqsRecord("sqs-finalize.json");
        WorkMessage m = WorkMessages.decode(record.path("body").asText());
        assertThat(m).isInstanceOf(WorkMessage.Finalize.class);
        String runId = ((WorkMessage.Finalize) m).runId();
        assertThat(runId).isEqualTo(event("api-get-sync.json").path("pathParameters").path("id").asText());
        assertThat(record.path("eventSourceARN").asText()).contains("FinalizeQueue");
    }

    private static JsonNode sqsRecord(String name) throws IOException, NoSuchAlgorithmException {
        JsonNode records = event(name).path("Records");
        assertThat(records).as(name).hasSize(1);
        JsonNode r = records.get(0);
        assertThat(r.path("eventSource").asText()).isEqualTo("aws:sqs");
        assertThat(r.path("eventSourceARN").asText()).startsWith("arn:aws:sqs:");
        assertThat(r.path("messageId").asText()).isNotEmpty();
        assertThat(r.path("receiptHandle").asText()).isNotEmpty();
        assertThat(r.path("attributes").path("ApproximateReceiveCount").asText()).matches("[1-9]\\d*");
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest(r.path("body").asText().getBytes(StandardCharsets.UTF_8)));
        assertThat(r.path("md5OfBody").asText()).as(name + " md5OfBody").isEqualTo(md5);
        return r;
    }

    @Test
    void scheduledEventsAreEventBridgeEnvelopes() throws IOException {
        for (String name : List.of("schedule.json", "schedule-all.json")) {
            JsonNode e = event(name);
            assertThat(e.path("detail-type").asText()).as(name).isEqualTo("Scheduled Event");
            assertThat(e.path("source").asText()).as(name).isEqualTo("aws.events");
            assertThat(e.path("detail").isObject()).as(name).isTrue();
        }
        assertThat(event("schedule.json").path("detail").path("source").asText()).isEqualTo("test");
        assertThat(event("schedule-all.json").path("detail").size()).isZero();
        assertThat(event("schedule-input.json").path("source").asText()).isEqualTo("test");
    }

    @Test
    void apiEventsAreHttpApiV2RequestsForTheSyncRoutes() throws IOException {
        assertRoute("api-post-sync.json", "POST", "/syncs", "POST /syncs");
        assertRoute("api-list-syncs.json", "GET", "/syncs", "GET /syncs");
        assertRoute("api-get-sync.json", "GET", "/syncs/{id}", "GET /syncs/{id}");
        assertRoute("api-post-bad-body.json", "POST", "/syncs", "POST /syncs");

        JsonNode body = JSON.readTree(event("api-post-sync.json").path("body").asText());
        assertThat(body).isEqualTo(JSON.readTree("{\"source\":\"test\",\"tables\":[\"test_some_table\"]}"));
        JsonNode get = event("api-get-sync.json");
        assertThat(get.path("rawPath").asText()).isEqualTo("/syncs/" + get.path("pathParameters").path("id").asText());
        String bad = event("api-post-bad-body.json").path("body").asText();
        assertThat(bad).isNotEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JSON.readTree(bad))
                .as("the bad body must not be JSON").isInstanceOf(IOException.class);
    }

    private static void assertRoute(String name, String method, String path, String routeKey) throws IOException {
        JsonNode e = event(name);
        assertThat(e.path("version").asText()).as(name).isEqualTo("2.0");
        assertThat(e.path("routeKey").asText()).as(name).isEqualTo(routeKey);
        assertThat(e.path("requestContext").path("http").path("method").asText()).as(name).isEqualTo(method);
        assertThat(e.path("requestContext").path("routeKey").asText()).as(name).isEqualTo(routeKey);
        assertThat(e.path("requestContext").path("authorizer").path("iam").isObject())
                .as(name + " comes through the IAM authorizer").isTrue();
        assertThat(e.path("isBase64Encoded").asBoolean()).as(name).isFalse();
        assertThat(path).startsWith("/syncs");
    }
}
