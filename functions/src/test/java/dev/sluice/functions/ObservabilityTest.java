package dev.sluice.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.engine.plan.Run;
import dev.sluice.engine.run.RunRecord;
import dev.sluice.engine.run.RunState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Log lines as Lambda's JSON log format wants them, and a run's metrics as Embedded Metric Format. */
class ObservabilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void forget() {
        LogFields.clear();
    }

    @Test
    void aLogLineIsOneJsonObjectWithLevelTimestampAndTheItemsFields() throws Exception {
        LogFields.put("request_id", "req-1");
        LogFields.item("run-1", "shop", "orders", "orders#p3");
        LogRecord r = new LogRecord(Level.WARNING, "fetch: {0} handed back");
        r.setParameters(new Object[] {"orders#p3"});
        r.setLoggerName("dev.sluice.functions.FetchHandler");
        r.setThrown(new IllegalStateException("boom"));
        String line = new JsonLogFormatter("sluice-FetchFunction").format(r);

        assertThat(line).endsWith(System.lineSeparator()).doesNotContain("\n{");
        JsonNode n = JSON.readTree(line);
        assertThat(n.path("level").asText()).isEqualTo("WARN");
        assertThat(Instant.parse(n.path("timestamp").asText())).isNotNull();
        assertThat(n.path("message").asText()).isEqualTo("fetch: orders#p3 handed back");
        assertThat(n.path("function").asText()).isEqualTo("sluice-FetchFunction");
        assertThat(n.path("request_id").asText()).isEqualTo("req-1");
        assertThat(n.path("run_id").asText()).isEqualTo("run-1");
        assertThat(n.path("source").asText()).isEqualTo("shop");
        assertThat(n.path("table").asText()).isEqualTo("orders");
        assertThat(n.path("item").asText()).isEqualTo("orders#p3");
        assertThat(n.path("error").asText()).contains("IllegalStateException: boom");

        LogFields.endItem();
        JsonNode after = JSON.readTree(new JsonLogFormatter(null).format(new LogRecord(Level.SEVERE, "x")));
        assertThat(after.path("level").asText()).isEqualTo("ERROR");
        assertThat(after.has("run_id")).isFalse();
        assertThat(after.path("request_id").asText()).isEqualTo("req-1");
    }

    @Test
    void metricsAreWrittenOnLambdaOnly() {
        java.io.PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Instant t = Instant.parse("2026-11-30T10:00:00Z");
        RunRecord ended = new RunRecord(new Run("r", "s", t), RunState.SUCCEEDED, t, t, Optional.of(t), 1, 1, 1, Optional.empty());
        try {
            System.setOut(new PrintStream(out, true));
            RunMetrics.fromEnvironment(java.util.Map.of()).emit(ended);
            assertThat(out.size()).as("not on Lambda").isZero();
            RunMetrics.fromEnvironment(java.util.Map.of("AWS_LAMBDA_FUNCTION_NAME", "f", "SLUICE_METRICS_STACK", "st")).emit(ended);
        } finally {
            System.setOut(stdout);
        }
        assertThat(out.toString()).contains("\"Stack\":\"st\"");
    }

    @Test
    void anEndedRunWritesOneEmfLineWithItsMetrics() throws Exception {
        Instant start = Instant.parse("2026-11-30T10:00:00Z");
        RunRecord partial = new RunRecord(new Run("run-2", "shop", start), RunState.PARTIAL, start, start.plusSeconds(600),
                Optional.of(start.plusSeconds(75)), 4, 4, 1234, Optional.of(
                        "{\"status\":\"PARTIAL\",\"tables\":[{\"table\":\"a\",\"errors\":0},{\"table\":\"b\",\"errors\":2}]}"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunMetrics metrics = new RunMetrics("prod-sluice", new PrintStream(out, true));
        metrics.emit(partial);
        metrics.emit(new RunRecord(new Run("run-3", "shop", start), RunState.RUNNING, start, start, Optional.empty(), 1, 0, 0,
                Optional.empty()));

        assertThat(out.toString().lines()).as("only the ended run").hasSize(1);
        JsonNode n = JSON.readTree(out.toString());
        JsonNode directive = n.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(n.path("_aws").path("Timestamp").asLong()).isPositive();
        assertThat(directive.path("Namespace").asText()).isEqualTo("Sluice");
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"Stack\"],[\"Stack\",\"Source\"]]");
        assertThat(directive.path("Metrics")).extracting(m -> m.path("Name").asText())
                .containsExactly("Rows", "Items", "FailedTables", "DurationSeconds", "RunsNotSucceeded");
        assertThat(n.path("Stack").asText()).isEqualTo("prod-sluice");
        assertThat(n.path("Source").asText()).isEqualTo("shop");
        assertThat(n.path("Rows").asLong()).isEqualTo(1234);
        assertThat(n.path("Items").asInt()).isEqualTo(4);
        assertThat(n.path("FailedTables").asInt()).isEqualTo(1);
        assertThat(n.path("DurationSeconds").asDouble()).isEqualTo(75.0);
        assertThat(n.path("RunsNotSucceeded").asInt()).isEqualTo(1);
    }
}
