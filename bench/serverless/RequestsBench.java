import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.emulators.LocalAws;
import dev.sluice.emulators.lambda.EventSourceMapping;
import dev.sluice.emulators.lambda.LocalContext;
import dev.sluice.engine.run.RunRecord;
import dev.sluice.engine.serverless.ServerlessContext;
import dev.sluice.functions.AwsServices;
import dev.sluice.functions.Container;
import dev.sluice.functions.FetchHandler;
import dev.sluice.functions.FinalizerHandler;
import dev.sluice.functions.PlannerHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context.AfterExecution;
import software.amazon.awssdk.core.interceptor.Context.FailedExecution;
import software.amazon.awssdk.core.interceptor.Context.ModifyRequest;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Every AWS request of one serverless sync of ROWS rows, counted by operation with an SDK
 * ExecutionInterceptor on the DynamoDB and SQS clients handed to the functions (and, separately,
 * on the SQS client of the local event source mapping, which plays Lambda's poller). DynamoDB
 * requests ask for ReturnConsumedCapacity=TOTAL so the capacity units the emulator computes
 * (dynalite follows DynamoDB's size rules) are summed too. Test source into PostgreSQL, the
 * real handler classes: schedule event -> PlannerHandler -> FetchHandler per message until the
 * work queue is empty -> FinalizerHandler.
 *   java -cp <functions test classpath> bench/serverless/RequestsBench.java ROWS PAGE_SIZE TIMEOUT_S MARGIN_S PG_SERVER_URL WORK_DIR [TABLES]
 * TABLES: "full" (test_some_table, no cursor) or "incremental" (test_incremental_table, a cursor
 * written after every page).
 */
public final class RequestsBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile String phase = "setup";
    /** phase|caller|service|operation -> {calls, capacity units x1000, failed calls} */
    private static final Map<String, long[]> COUNTS = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        long rows = Long.parseLong(args[0]);
        int pageSize = Integer.parseInt(args[1]);
        Duration timeout = Duration.ofSeconds(Long.parseLong(args[2]));
        long margin = Long.parseLong(args[3]);
        String server = args[4];
        Path work = Path.of(args[5]);
        String tables = args.length > 6 ? args[6] : "full";
        String table = tables.equals("incremental") ? "test_incremental_table" : "test_some_table";
        String base = server.substring(0, server.lastIndexOf('/') + 1);
        String database = "sluice_bench_req_" + System.nanoTime();
        execute(base + "postgres", "CREATE DATABASE " + database);
        try (LocalAws aws = LocalAws.start()) {
            Path config = work.resolve("sluice.yml");
            Files.writeString(config, """
                    kind: source
                    spec:
                      name: bench
                      path: cloudquery/test
                      tables: [%s]
                      skip_dependent_tables: true
                      destinations: [pg]
                      spec: {num_rows: %d, page_size: %d}
                    ---
                    kind: destination
                    spec:
                      name: pg
                      path: cloudquery/postgresql
                      write_mode: overwrite-delete-stale
                      spec: {connection_string: "%s", batch_size: %d}
                    """.formatted(table, rows, pageSize, base + database, pageSize));
            Map<String, String> env = Map.of("SLUICE_CONFIG", config.toString(),
                    "SLUICE_RUNS_TABLE", aws.runsTable(), "SLUICE_CURSORS_TABLE", aws.cursorsTable(),
                    "SLUICE_WORK_QUEUE_URL", aws.workQueue().url(), "SLUICE_FINALIZE_QUEUE_URL", aws.finalizeQueue().url(),
                    "SLUICE_TIME_MARGIN_SECONDS", Long.toString(margin));
            DynamoDbClient dynamo = DynamoDbClient.builder().region(Region.US_EAST_1).credentialsProvider(credentials())
                    .endpointOverride(aws.dynamoEndpoint()).httpClientBuilder(UrlConnectionHttpClient.builder())
                    .overrideConfiguration(c -> c.addExecutionInterceptor(new Counter("function"))).build();
            SqsClient sqs = sqs(aws.sqsEndpoint(), "function");
            SqsClient pollerSqs = sqs(aws.sqsEndpoint(), "event source mapping");
            phase = "planner";
            long initStart = System.nanoTime();
            ServerlessContext ctx = Container.build(env, new AwsServices(dynamo, sqs,
                    () -> { throw new IllegalStateException("no SSM"); }, () -> { throw new IllegalStateException("no S3"); },
                    () -> { throw new IllegalStateException("no Secrets Manager"); }));
            double initMs = (System.nanoTime() - initStart) / 1e6;
            Timed planner = new Timed(new PlannerHandler(() -> ctx));
            Timed fetch = new Timed(new FetchHandler(() -> ctx));
            Timed finalizer = new Timed(new FinalizerHandler(() -> ctx));
            long t0 = System.nanoTime();
            JsonNode started = EventSourceMapping.invoke(planner, JSON.readTree(Files.readString(Path.of(args.length > 7 ? args[7] : "events/schedule-all.json"))),
                    LocalContext.withTimeout(Duration.ofMinutes(1)));
            String runId = started.path("runs").path(0).path("run_id").asText();
            if (runId.isEmpty()) {
                throw new IllegalStateException("planner did not start a run: " + started);
            }
            phase = "fetch";
            new EventSourceMapping(pollerSqs, aws.workQueue().url(), fetch, 1, () -> LocalContext.withTimeout(timeout)).drain(100_000);
            phase = "finalizer";
            new EventSourceMapping(pollerSqs, aws.finalizeQueue().url(), finalizer, 10, () -> LocalContext.withTimeout(Duration.ofMinutes(1))).drain(10);
            double wallS = (System.nanoTime() - t0) / 1e9;
            phase = "check";
            RunRecord run = ctx.ledger().run(runId).orElseThrow();
            long landed = count(base + database, "SELECT count(*) FROM " + table);
            ctx.close();

            System.out.printf("%n%,d rows of %s in pages of %,d into PostgreSQL; fetch budget %d s, margin %d s; run %s, %,d rows in the ledger, %,d rows in the table; %.1f s wall%n",
                    rows, table, pageSize, timeout.toSeconds(), margin, run.state(), run.rows(), landed, wallS);
            System.out.printf("container init (config, connectors, clients) %.0f ms, once per container%n", initMs);
            for (Timed t : List.of(planner, fetch, finalizer)) {
                System.out.printf("invocations of %s: %d, total %.1f s, longest %.1f s%n", t.name(), t.count, t.totalMs / 1000, t.maxMs / 1000);
            }
            System.out.println();
            System.out.println("| phase | caller | service | operation | requests | capacity units (emulator) | failed |");
            System.out.println("|---|---|---|---|---|---|---|");
            Map<String, long[]> sorted = new TreeMap<>(COUNTS);
            long[] total = new long[3];
            sorted.forEach((k, v) -> {
                if (!k.startsWith("setup") && !k.startsWith("check")) {
                    String[] p = k.split("\\|");
                    System.out.printf("| %s | %s | %s | %s | %,d | %s | %d |%n", p[0], p[1], p[2], p[3], v[0],
                            p[2].equals("DynamoDb") ? String.format("%.1f", v[1] / 1000.0) : "-", v[2]);
                }
            });
            Map<String, long[]> byOp = new TreeMap<>();
            sorted.forEach((k, v) -> {
                if (!k.startsWith("setup") && !k.startsWith("check")) {
                    String[] p = k.split("\\|");
                    long[] a = byOp.computeIfAbsent(p[2] + " " + p[3] + (p[1].equals("function") ? "" : " (poller)"), x -> new long[3]);
                    a[0] += v[0]; a[1] += v[1]; a[2] += v[2];
                }
            });
            System.out.println();
            System.out.println("TOTALS (service operation: requests / capacity units)");
            byOp.forEach((k, v) -> System.out.printf("TOTAL %s: %d / %.1f%n", k, v[0], v[1] / 1000.0));
            System.out.printf("LAMBDA fetch_invocations=%d fetch_seconds=%.3f planner_invocations=%d planner_seconds=%.3f finalizer_invocations=%d finalizer_seconds=%.3f rows=%d%n",
                    fetch.count, fetch.totalMs / 1000, planner.count, planner.totalMs / 1000, finalizer.count, finalizer.totalMs / 1000, landed);
        } finally {
            execute(base + "postgres", "DROP DATABASE " + database + " WITH (FORCE)");
        }
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("sluice-local", "sluice-local"));
    }

    private static SqsClient sqs(URI endpoint, String caller) {
        return SqsClient.builder().region(Region.US_EAST_1).credentialsProvider(credentials()).endpointOverride(endpoint)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new Counter(caller))).build();
    }

    /** Counts each request (not each HTTP attempt: SDK retries are inside one execution) by operation. */
    private record Counter(String caller) implements ExecutionInterceptor {
        @Override
        public SdkRequest modifyRequest(ModifyRequest context, ExecutionAttributes attributes) {
            SdkRequest r = context.request();
            ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
            if (r instanceof PutItemRequest p) return p.toBuilder().returnConsumedCapacity(total).build();
            if (r instanceof UpdateItemRequest u) return u.toBuilder().returnConsumedCapacity(total).build();
            if (r instanceof DeleteItemRequest d) return d.toBuilder().returnConsumedCapacity(total).build();
            if (r instanceof GetItemRequest g) return g.toBuilder().returnConsumedCapacity(total).build();
            if (r instanceof QueryRequest q) return q.toBuilder().returnConsumedCapacity(total).build();
            if (r instanceof BatchWriteItemRequest b) return b.toBuilder().returnConsumedCapacity(total).build();
            return r;
        }

        @Override
        public void afterExecution(AfterExecution context, ExecutionAttributes attributes) {
            long[] c = slot(attributes);
            c[0]++;
            SdkResponse r = context.response();
            ConsumedCapacity cc = r instanceof PutItemResponse p ? p.consumedCapacity()
                    : r instanceof UpdateItemResponse u ? u.consumedCapacity()
                    : r instanceof DeleteItemResponse d ? d.consumedCapacity()
                    : r instanceof GetItemResponse g ? g.consumedCapacity()
                    : r instanceof QueryResponse q ? q.consumedCapacity() : null;
            if (cc != null && cc.capacityUnits() != null) {
                c[1] += Math.round(cc.capacityUnits() * 1000);
            }
            if (r instanceof BatchWriteItemResponse b && b.hasConsumedCapacity()) {
                b.consumedCapacity().forEach(x -> c[1] += Math.round((x.capacityUnits() == null ? 0 : x.capacityUnits()) * 1000));
            }
        }

        @Override
        public void onExecutionFailure(FailedExecution context, ExecutionAttributes attributes) {
            long[] c = slot(attributes);
            c[0]++;
            c[2]++;
        }

        private long[] slot(ExecutionAttributes attributes) {
            String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
            String op = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
            return COUNTS.computeIfAbsent(phase + "|" + caller + "|" + service + "|" + op, k -> new long[3]);
        }
    }

    /** A handler timed per invocation (the GB-seconds Lambda would bill, measured here). */
    private static final class Timed implements RequestStreamHandler {
        private final RequestStreamHandler handler;
        long count;
        double totalMs;
        double maxMs;

        Timed(RequestStreamHandler handler) {
            this.handler = handler;
        }

        String name() {
            return handler.getClass().getSimpleName();
        }

        @Override
        public void handleRequest(InputStream in, OutputStream out, Context context) throws java.io.IOException {
            long s = System.nanoTime();
            try {
                handler.handleRequest(in, out, context);
            } finally {
                double ms = (System.nanoTime() - s) / 1e6;
                count++;
                totalMs += ms;
                maxMs = Math.max(maxMs, ms);
            }
        }
    }

    private static Connection connect(String url) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        return DriverManager.getConnection("jdbc:" + url.replaceFirst("^postgres(ql)?://([^@/]*@)?", "postgresql://"), p);
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection c = connect(url); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection c = connect(url); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
