package dev.sluice.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.run.RunRecord;
import dev.sluice.engine.run.RunState;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.time.Duration;

/**
 * CloudWatch metrics of a run that ended, as one Embedded Metric Format line on stdout (Lambda
 * ships it to CloudWatch Logs, which turns it into metrics; no PutMetricData permission or call).
 * Namespace {@value #NAMESPACE}, dimensions [Stack] and [Stack, Source]: Rows, Items,
 * FailedTables, DurationSeconds, and RunsNotSucceeded (1 for FAILED or PARTIAL) which the
 * template's RunsNotSucceededAlarm watches.
 */
public final class RunMetrics {
    public static final String NAMESPACE = "Sluice";
    private final String stack;
    private final PrintStream out;

    public RunMetrics(String stack, PrintStream out) {
        this.stack = stack;
        this.out = out;
    }

    /**
     * On Lambda (AWS_LAMBDA_FUNCTION_NAME set): lines to stdout, dimension Stack from
     * SLUICE_METRICS_STACK. Elsewhere ({@code sluice sync --emulate-aws}, tests) nothing is
     * written: there is no CloudWatch to read them and they would clutter the output.
     */
    public static RunMetrics fromEnvironment(Map<String, String> env) {
        return new RunMetrics(env.getOrDefault("SLUICE_METRICS_STACK", "sluice"), env.containsKey("AWS_LAMBDA_FUNCTION_NAME")
                ? System.out : new PrintStream(OutputStream.nullOutputStream()));
    }

    /** The EMF line of an ended run (its summary, when recorded, gives the failed tables). */
    public ObjectNode line(RunRecord run, long nowMillis) {
        ObjectNode n = LambdaJson.MAPPER.createObjectNode();
        ObjectNode aws = n.putObject("_aws");
        aws.put("Timestamp", nowMillis);
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        ArrayNode dims = directive.putArray("Dimensions");
        dims.addArray().add("Stack");
        dims.addArray().add("Stack").add("Source");
        ArrayNode metrics = directive.putArray("Metrics");
        for (String[] m : new String[][] {{"Rows", "Count"}, {"Items", "Count"}, {"FailedTables", "Count"},
                {"DurationSeconds", "Seconds"}, {"RunsNotSucceeded", "Count"}}) {
            metrics.addObject().put("Name", m[0]).put("Unit", m[1]);
        }
        n.put("Stack", stack);
        n.put("Source", run.run().sourceName());
        n.put("run_id", run.id());
        n.put("status", run.state().name());
        n.put("Rows", run.rows());
        n.put("Items", run.itemsTotal());
        n.put("FailedTables", failedTables(run));
        n.put("DurationSeconds", Duration.between(run.startedAt(), run.endedAt().orElse(run.startedAt())).toMillis() / 1000.0);
        n.put("RunsNotSucceeded", run.state() == RunState.FAILED || run.state() == RunState.PARTIAL ? 1 : 0);
        return n;
    }

    /** Writes the line of {@code run} if it has ended; nothing for a run still going. */
    public void emit(RunRecord run) {
        if (run.state().ended()) {
            out.println(line(run, System.currentTimeMillis()));
            out.flush();
        }
    }

    private static int failedTables(RunRecord run) {
        if (run.summary().isEmpty()) {
            return 0;
        }
        try {
            JsonNode summary = LambdaJson.MAPPER.readTree(run.summary().get());
            int failed = 0;
            for (JsonNode t : summary.path("tables")) {
                failed += t.path("errors").asLong() > 0 ? 1 : 0;
            }
            return failed;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return 0;
        }
    }
}
