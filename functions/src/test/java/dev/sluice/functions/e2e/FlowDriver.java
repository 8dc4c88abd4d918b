package dev.sluice.functions.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.emulators.lambda.EventSourceMapping;
import dev.sluice.emulators.lambda.LocalContext;
import dev.sluice.engine.run.RunRecord;
import dev.sluice.engine.serverless.ServerlessContext;
import dev.sluice.functions.AwsServices;
import dev.sluice.functions.Container;
import dev.sluice.functions.FetchHandler;
import dev.sluice.functions.FinalizerHandler;
import dev.sluice.functions.PlannerHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Drives the serverless flow with the real handler classes against DynamoDB and SQS (the in-JVM
 * emulators, or LocalStack): builds function containers from the environment Lambda would
 * give them, invokes the planner, and plays the event source mappings until the queues are
 * empty. Fetch invocations get a budget of about three pages each (63 s counting down by 1 s a
 * question, against a 60 s margin), so items continue across invocations.
 */
public final class FlowDriver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final String cursorsTable;
    private final String workQueue;
    private final String finalizeQueue;
    private final Map<String, String> env;
    private final List<ServerlessContext> containers = new ArrayList<>();

    public FlowDriver(DynamoDbClient dynamo, SqsClient sqs, String runsTable, String cursorsTable, String workQueue,
                      String finalizeQueue, Path config) {
        this.dynamo = dynamo;
        this.sqs = sqs;
        this.cursorsTable = cursorsTable;
        this.workQueue = workQueue;
        this.finalizeQueue = finalizeQueue;
        this.env = Map.of("SLUICE_CONFIG", config.toString(),
                "SLUICE_RUNS_TABLE", runsTable,
                "SLUICE_CURSORS_TABLE", cursorsTable,
                "SLUICE_WORK_QUEUE_URL", workQueue,
                "SLUICE_FINALIZE_QUEUE_URL", finalizeQueue,
                "SLUICE_TIME_MARGIN_SECONDS", "60");
    }

    /** A new function container (what one Lambda execution environment builds), closed with the driver. */
    public Supplier<ServerlessContext> container() {
        ServerlessContext ctx = Container.build(env, new AwsServices(dynamo, sqs,
                () -> { throw new IllegalStateException("no SSM here"); }, () -> { throw new IllegalStateException("no S3 here"); },
                () -> { throw new IllegalStateException("no Secrets Manager here"); }));
        containers.add(ctx);
        return () -> ctx;
    }

    /** A new function container whose handlers read the time from {@code clock} (a test moves it). */
    public Supplier<ServerlessContext> container(java.time.Clock clock) {
        ServerlessContext built = container().get();
        ServerlessContext ctx = new ServerlessContext(built.prepared(), built.ledger(), built.queue(), built::cursors,
                built.settings().withClock(clock));
        return () -> ctx;
    }

    /** Planner on events/schedule-all.json; the run's id. */
    public String start(Supplier<ServerlessContext> container) {
        JsonNode started = invoke(new PlannerHandler(container), event("schedule-all.json"));
        String runId = started.path("runs").get(0).path("run_id").asText();
        if (runId.isEmpty()) {
            throw new AssertionError("the planner started no run: " + started);
        }
        return runId;
    }

    /** The work queue's mapping for {@code fetch}, as Lambda's behaves (failed messages keep their visibility). */
    public EventSourceMapping workMapping(FetchHandler fetch) {
        return new EventSourceMapping(sqs, workQueue, fetch, 1, () -> LocalContext.countingDown(63_000, 1_000)).withLambdaVisibility();
    }

    /** The finalize queue drained by FinalizerHandler. */
    public void drainFinalize(Supplier<ServerlessContext> container) {
        new EventSourceMapping(sqs, finalizeQueue, new FinalizerHandler(container), 10, () -> LocalContext.countingDown(60_000, 0))
                .drain(10);
    }

    /** Planner on events/schedule-all.json, then both queues drained; the run as it ended. */
    public RunRecord runToTheEnd(Supplier<ServerlessContext> container) {
        JsonNode started = invoke(new PlannerHandler(container), event("schedule-all.json"));
        String runId = started.path("runs").get(0).path("run_id").asText();
        if (runId.isEmpty()) {
            throw new AssertionError("the planner started no run: " + started);
        }
        drain(container);
        return container.get().ledger().run(runId).orElseThrow();
    }

    /** The work queue drained by FetchHandler (one message an invocation), then the finalize queue. */
    public void drain(Supplier<ServerlessContext> container) {
        new EventSourceMapping(sqs, workQueue, new FetchHandler(container), 1, () -> LocalContext.countingDown(63_000, 1_000))
                .drain(200);
        new EventSourceMapping(sqs, finalizeQueue, new FinalizerHandler(container), 10, () -> LocalContext.countingDown(60_000, 0))
                .drain(10);
    }

    /** The stored cursor of {@code source}'s {@code table} in the cursors table, or null. */
    public String cursor(String source, String table) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(cursorsTable).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(source), "sk", AttributeValue.fromS(table)))).item();
        return item == null || item.isEmpty() ? null : item.get("value").s();
    }

    /** A handler's answer to {@code event}, with a minute of budget. */
    public static JsonNode invoke(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, JsonNode event) {
        return EventSourceMapping.invoke(handler, event, LocalContext.countingDown(60_000, 0));
    }

    /** A file of the project's events/ directory. */
    public static JsonNode event(String name) {
        try {
            return JSON.readTree(events().resolve(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path events() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("template.yaml"))) {
                return d.resolve("events");
            }
        }
        throw new IllegalStateException("no directory with template.yaml above " + Path.of("").toAbsolutePath());
    }

    /** The first row of {@code sql}, its columns joined by "/"; {@code url} a JDBC or postgres:// URL. */
    public static String query(String url, String sql) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        try (Connection c = DriverManager.getConnection(jdbc(url), p); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.add(rs.getString(i));
            }
            return String.join("/", values);
        }
    }

    public static String sqlite(Path db, String sql) throws SQLException {
        return query("jdbc:sqlite:" + db, sql);
    }

    public static void execute(String url, String sql) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        try (Connection c = DriverManager.getConnection(jdbc(url), p); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String jdbc(String url) {
        return url.startsWith("jdbc:") ? url : "jdbc:" + url.replaceFirst("^postgres(ql)?://([^@/]*@)?", "postgresql://");
    }

    @Override
    public void close() {
        containers.forEach(ServerlessContext::close);
    }
}
