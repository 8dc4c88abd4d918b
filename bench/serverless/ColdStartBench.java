import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.emulators.LocalAws;
import dev.sluice.emulators.lambda.EventSourceMapping;
import dev.sluice.emulators.lambda.LocalContext;
import dev.sluice.engine.serverless.ServerlessContext;
import dev.sluice.functions.AwsServices;
import dev.sluice.functions.Container;
import dev.sluice.functions.FinalizerHandler;
import dev.sluice.functions.RunMetrics;
import dev.sluice.functions.PlannerHandler;
import java.io.File;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Cold start of the fetch function: the emulators run here once; for each measurement this
 * program starts a run (the real PlannerHandler, in this JVM), receives its one work item from
 * ElasticMQ, writes the SQS event Lambda would send, and spawns a FRESH JVM running ColdRunner on
 * the deployment jar with the function's environment (the no-arg constructor path, endpoints set
 * with the SDK's AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL_SQS). It then deletes the message
 * (as the event source mapping does) and finalizes the run so the next one may start.
 *   java -cp <functions test classpath> bench/serverless/ColdStartBench.java JAR RUNNER_DIR RUNS PG_SERVER_URL WORK_DIR [LAYER_LIB] [aws|s3]
 * Runs alternate between the modes (priming on and off; with LAYER_LIB, the aws source's layer
 * jars, each also with those jars on the classpath, as a function has them when AwsInventory is
 * enabled) so that machine noise hits all alike. The event stays the test source's, unless the
 * last argument is {@code aws}: then the work item is the aws source's aws_ec2_vpcs in us-east-1,
 * read from a moto_server started here (its default VPC: one row), and only the two modes with
 * the layer run (without it the function cannot load that config); or {@code s3}: the test
 * source's 10 rows go to the s3 destination (Parquet) in a bucket of that moto_server, and only
 * the two modes without the layer run.
 */
public final class ColdStartBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        String jar = args[0];
        String runnerDir = args[1];
        int runs = Integer.parseInt(args[2]);
        String server = args[3];
        Path work = Path.of(args[4]);
        String base = server.substring(0, server.lastIndexOf('/') + 1);
        String database = "sluice_bench_cold_" + System.nanoTime();
        // the fetch function's flags (FetchJavaToolOptions), with and without Container's priming
        String last = args[args.length - 1];
        boolean s3Destination = last.equals("s3");
        String layer = args.length > 5 && !args[5].equals("s3") && !args[5].equals("aws") && !s3Destination
                ? layerClasspath(Path.of(args[5])) : "";
        List<Mode> modes = new ArrayList<>(List.of(new Mode("primed init (SLUICE_PRIME on, the default)", List.of("-XX:+TieredCompilation"), "on", ""),
                new Mode("no priming (SLUICE_PRIME=off)", List.of("-XX:+TieredCompilation"), "off", "")));
        boolean awsSource = last.equals("aws");
        if (awsSource || s3Destination) {
            // the driver's own planner probes the bucket; its finalizer asks moto's STS for the account
            System.setProperty("aws.accessKeyId", "sluice-local");
            System.setProperty("aws.secretAccessKey", "sluice-local");
        }
        if (awsSource) {
            modes.clear();
            // the driver's own finalizer asks moto's STS for the account (delete-stale's scope)
            System.setProperty("aws.accessKeyId", "sluice-local");
            System.setProperty("aws.secretAccessKey", "sluice-local");
        }
        if (!layer.isEmpty()) {
            modes.add(new Mode("primed init, aws layer on the classpath", List.of("-XX:+TieredCompilation"), "on", layer));
            modes.add(new Mode("no priming, aws layer on the classpath", List.of("-XX:+TieredCompilation"), "off", layer));
        }
        execute(base + "postgres", "CREATE DATABASE " + database);
        try (LocalAws aws = LocalAws.start();
             AutoCloseable moto = awsSource || s3Destination ? dev.sluice.emulators.MotoServer.start() : () -> { }) {
            Path config = work.resolve("sluice.yml");
            String source = awsSource ? """
                    kind: source
                    spec:
                      name: bench
                      path: cloudquery/aws
                      tables: [aws_ec2_vpcs]
                      destinations: [pg]
                      spec: {regions: [us-east-1], endpoint_url: "%s"}
                    """.formatted(((dev.sluice.emulators.MotoServer) moto).endpoint()) : null;
            if (s3Destination) {
                java.net.URI endpoint = ((dev.sluice.emulators.MotoServer) moto).endpoint();
                try (software.amazon.awssdk.services.s3.S3Client s3 = software.amazon.awssdk.services.s3.S3Client.builder()
                        .endpointOverride(endpoint).region(software.amazon.awssdk.regions.Region.US_EAST_1).forcePathStyle(true)
                        .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("sluice-local", "sluice-local")))
                        .build()) {
                    s3.createBucket(b -> b.bucket("bench-lake"));
                }
                source = """
                        kind: source
                        spec:
                          name: bench
                          path: cloudquery/test
                          tables: [test_some_table]
                          skip_dependent_tables: true
                          destinations: [lake]
                          spec: {num_rows: 10, page_size: 10}
                        ---
                        kind: destination
                        spec:
                          name: lake
                          path: cloudquery/s3
                          write_mode: append
                          spec: {bucket: bench-lake, region: us-east-1, endpoint: "%s", use_path_style: true,
                                 path: "raw/{{TABLE}}/{{UUID}}.{{FORMAT}}", format: parquet}
                        """.formatted(endpoint);
            }
            Files.writeString(config, s3Destination ? source : awsSource ? source + """
                    ---
                    kind: destination
                    spec:
                      name: pg
                      path: cloudquery/postgresql
                      write_mode: overwrite-delete-stale
                      spec: {connection_string: "%s"}
                    """.formatted(base + database) : """
                    kind: source
                    spec:
                      name: bench
                      path: cloudquery/test
                      tables: [test_some_table]
                      skip_dependent_tables: true
                      destinations: [pg]
                      spec: {num_rows: 10, page_size: 10}
                    ---
                    kind: destination
                    spec:
                      name: pg
                      path: cloudquery/postgresql
                      write_mode: overwrite-delete-stale
                      spec: {connection_string: "%s"}
                    """.formatted(base + database));
            Map<String, String> env = new LinkedHashMap<>();
            env.put("SLUICE_CONFIG", config.toString());
            env.put("SLUICE_RUNS_TABLE", aws.runsTable());
            env.put("SLUICE_CURSORS_TABLE", aws.cursorsTable());
            env.put("SLUICE_WORK_QUEUE_URL", aws.workQueue().url());
            env.put("SLUICE_FINALIZE_QUEUE_URL", aws.finalizeQueue().url());
            ServerlessContext ctx = Container.build(env, new AwsServices(aws.dynamo(), aws.sqs(),
                    () -> { throw new IllegalStateException("no SSM"); }, () -> { throw new IllegalStateException("no S3"); },
                    () -> { throw new IllegalStateException("no Secrets Manager"); }));
            Map<String, String> childEnv = new HashMap<>(env);
            childEnv.put("PATH", System.getenv("PATH"));
            childEnv.put("AWS_REGION", "us-east-1");
            childEnv.put("AWS_ACCESS_KEY_ID", "sluice-local");
            childEnv.put("AWS_SECRET_ACCESS_KEY", "sluice-local");
            childEnv.put("AWS_ENDPOINT_URL_DYNAMODB", aws.dynamoEndpoint().toString());
            childEnv.put("AWS_ENDPOINT_URL_SQS", aws.sqsEndpoint().toString());
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Map<Mode, List<double[]>> results = new LinkedHashMap<>();
            modes.forEach(m -> results.put(m, new ArrayList<>()));
            for (int i = 0; i <= runs; i++) { // run 0 of each mode: warms the OS page cache and PostgreSQL, not counted
                for (Mode mode : modes) {
                    double[] r = once(aws, ctx, work, javaBin, jar + mode.layer + File.pathSeparator + runnerDir, mode, childEnv);
                    if (i > 0) {
                        results.get(mode).add(r);
                    }
                    System.out.printf("%s run %d%s: spawn->main %.0f ms, init (constructor) %.0f ms, first event %.0f ms, total %.0f ms%n",
                            mode.name, i, i == 0 ? " (warm-up, not counted)" : "", r[0], r[1], r[2], r[3]);
                }
            }
            System.out.println();
            System.out.printf("fresh JVM per measurement, %d runs each; java %s; wall clock from just before spawn%n",
                    runs, System.getProperty("java.version"));
            System.out.println("| mode | JVM boot (spawn -> main) | init: new FetchHandler() | first event handled | total cold start |");
            System.out.println("|---|---|---|---|---|");
            for (Mode mode : modes) {
                List<double[]> rs = results.get(mode);
                System.out.printf("| %s | %s | %s | %s | %s |%n", mode.name, stats(rs, 0), stats(rs, 1), stats(rs, 2), stats(rs, 3));
            }
            ctx.close();
        } finally {
            execute(base + "postgres", "DROP DATABASE " + database + " WITH (FORCE)");
        }
    }

    /** {@code layer}: nothing, or the layer's jars, each preceded by the path separator. */
    record Mode(String name, List<String> options, String prime, String layer) {
    }

    private static String layerClasspath(Path lib) throws java.io.IOException {
        try (java.util.stream.Stream<Path> jars = Files.list(lib)) {
            return jars.filter(j -> j.toString().endsWith(".jar")).sorted().map(j -> File.pathSeparator + j.toAbsolutePath()).reduce("", String::concat);
        }
    }

    /** One cold invocation; {spawn->main, main->constructed (init), constructed->done (first event), total} in ms. */
    private static double[] once(LocalAws aws, ServerlessContext ctx, Path work, String javaBin, String cp, Mode mode,
                                 Map<String, String> env) throws Exception {
        JsonNode started = EventSourceMapping.invoke(new PlannerHandler(() -> ctx), JSON.readTree("{}"),
                LocalContext.withTimeout(Duration.ofMinutes(1)));
        if (started.path("runs").path(0).path("run_id").asText().isEmpty()) {
            throw new IllegalStateException("planner did not start a run: " + started);
        }
        List<Message> messages = aws.sqs().receiveMessage(r -> r.queueUrl(aws.workQueue().url()).maxNumberOfMessages(10)
                .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        if (messages.size() != 1) {
            throw new IllegalStateException("expected one work item, got " + messages.size());
        }
        Path event = work.resolve("event.json");
        Files.write(event, JSON.writeValueAsBytes(EventSourceMapping.event(messages)));
        List<String> command = new ArrayList<>();
        command.add(javaBin);
        command.addAll(mode.options);
        command.addAll(List.of("-cp", cp, "ColdRunner", event.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(work.resolve("child.err").toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().put("SLUICE_PRIME", mode.prime);
        long spawnUs = micros();
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0 || !out.contains("COLD ")) {
            throw new IllegalStateException("runner failed: " + out + "\n" + Files.readString(work.resolve("child.err")));
        }
        String line = out.lines().filter(l -> l.startsWith("COLD ")).findFirst().orElseThrow();
        long mainUs = Long.parseLong(field(line, "main_us"));
        long initUs = Long.parseLong(field(line, "init_us"));
        long doneUs = Long.parseLong(field(line, "done_us"));
        JsonNode response = JSON.readTree(line.substring(line.indexOf("response=") + "response=".length()));
        if (!response.path("batchItemFailures").isEmpty()) {
            throw new IllegalStateException("the fetch failed the message: " + response + "\n" + Files.readString(work.resolve("child.err")));
        }
        aws.sqs().deleteMessage(r -> r.queueUrl(aws.workQueue().url()).receiptHandle(messages.get(0).receiptHandle()));
        int finalized = new EventSourceMapping(aws.sqs(), aws.finalizeQueue().url(), new FinalizerHandler(() -> ctx,
                new RunMetrics("bench", new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))), 10,
                () -> LocalContext.withTimeout(Duration.ofMinutes(1))).drain(5);
        if (finalized != 1) {
            throw new IllegalStateException("expected the run to be finalized once, finalizer invoked " + finalized + " times");
        }
        return new double[] {(mainUs - spawnUs) / 1000.0, (initUs - mainUs) / 1000.0, (doneUs - initUs) / 1000.0,
                (doneUs - spawnUs) / 1000.0};
    }

    private static String field(String line, String name) {
        int at = line.indexOf(name + "=") + name.length() + 1;
        int end = line.indexOf(' ', at);
        return line.substring(at, end < 0 ? line.length() : end);
    }

    private static String stats(List<double[]> rs, int column) {
        double[] v = rs.stream().mapToDouble(r -> r[column]).sorted().toArray();
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        return String.format("%.0f / %.0f / %.0f ms", v[0], median, v[v.length - 1]);
    }

    private static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private static void execute(String url, String sql) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        String jdbc = "jdbc:" + url.replaceFirst("^postgres(ql)?://([^@/]*@)?", "postgresql://");
        try (Connection c = DriverManager.getConnection(jdbc, p); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
