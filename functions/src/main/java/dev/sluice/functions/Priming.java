package dev.sluice.functions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.engine.config.SpecLoader;
import dev.sluice.engine.connect.ConnectorRegistry;
import dev.sluice.engine.plan.Planner;
import dev.sluice.engine.plan.Run;
import dev.sluice.engine.plan.WorkItem;
import dev.sluice.engine.run.WorkMessages;
import dev.sluice.engine.sync.PreparedSync;
import dev.sluice.engine.sync.SelectedSource;
import dev.sluice.engine.sync.SyncSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Runs, once per container and before a SnapStart snapshot, the code paths the first event
 * would otherwise load and interpret cold: Jackson reading Lambda events and writing answers,
 * the engine loading and validating a config, preparing connectors and planning, the queue
 * message codec, and the AWS SDK calls the handlers make (DynamoDB, SQS, SSM) on clients whose
 * HTTP client answers locally ({@link CannedHttpClient}): nothing is sent, no credentials are
 * resolved, no connection is opened, and nothing it builds is kept. Each step is best effort:
 * a failure only means less is warm. Nothing unique is kept either: the SDK draws an invocation
 * id per request from the JDK's default SecureRandom (NativePRNG, which mixes in /dev/urandom on
 * every call, so the restored copies still differ); Sluice's own run ids and clocks are taken
 * when an event is handled.
 */
final class Priming {
    private static final System.Logger LOG = System.getLogger(Priming.class.getName());
    private static final String CONFIG = """
            kind: source
            spec:
              name: prime
              path: cloudquery/test
              tables: ["*"]
              destinations: [pg]
              spec: {num_rows: 3, page_size: 2}
            ---
            kind: destination
            spec:
              name: pg
              path: cloudquery/postgresql
              write_mode: overwrite-delete-stale
              spec: {connection_string: "postgresql://prime@127.0.0.1:1/prime"}
            """;
    private static final String SQS_EVENT = """
            {"Records":[{"messageId":"m","receiptHandle":"r","body":"%s","attributes":{"ApproximateReceiveCount":"1"},
             "eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:us-east-1:000000000000:q","awsRegion":"us-east-1"}]}""";
    private static final String API_EVENT = """
            {"version":"2.0","routeKey":"GET /syncs/{id}","rawPath":"/syncs/x","pathParameters":{"id":"x"},
             "requestContext":{"stage":"$default","http":{"method":"GET","path":"/syncs/x"}},"isBase64Encoded":false}""";

    private Priming() {
    }

    /** Primes everything; the steps that failed (logged, and otherwise ignored). */
    static List<String> prime(Region region) {
        long start = System.nanoTime();
        List<String> failed = new java.util.ArrayList<>();
        step("engine and Jackson", Priming::engineAndJson, failed);
        step("AWS SDK", () -> sdk(region), failed);
        LOG.log(System.Logger.Level.DEBUG, "primed in {0} ms", (System.nanoTime() - start) / 1_000_000);
        return failed;
    }

    private static void engineAndJson() throws IOException {
        Path dir = Files.createTempDirectory("sluice-prime");
        Path file = Files.writeString(dir.resolve("prime.yml"), CONFIG);
        PreparedSync prepared = SyncSetup.prepare(new SpecLoader().load(List.of(file), Map.of()), ConnectorRegistry.builtIn());
        try {
            for (SelectedSource s : prepared.selectTables()) {
                // a fixed id and time: nothing unique is made before the snapshot (run ids and clocks come after restore)
                for (WorkItem item : Planner.plan(new Run("prime", s.prepared().name(), Instant.EPOCH), s.prepared().source(), s.tables())) {
                    String body = WorkMessages.encode(item);
                    WorkMessages.decode(body);
                    JsonNode event = LambdaJson.read(new java.io.ByteArrayInputStream(
                            SQS_EVENT.formatted(body.replace("\\", "\\\\").replace("\"", "\\\"")).getBytes()));
                    SqsRecords.of(event);
                    new SqsRecords().response();
                }
                WorkMessages.decode(WorkMessages.encodeFinalize("prime"));
            }
            JsonNode api = LambdaJson.read(new java.io.ByteArrayInputStream(API_EVENT.getBytes()));
            ApiRoute.of(api);
            LambdaJson.write(new java.io.ByteArrayOutputStream(), HttpResponse.json(200, Map.of("runs", List.of(Map.of("id", "x")))));
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException e) {
            LOG.log(System.Logger.Level.DEBUG, "no PostgreSQL driver to load");
        } finally {
            prepared.close();
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static void sdk(Region region) {
        StaticCredentialsProvider none = StaticCredentialsProvider.create(AwsBasicCredentials.create("prime", "prime"));
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("prime"), "sk", AttributeValue.fromS("prime"));
        try (DynamoDbClient db = DynamoDbClient.builder().region(region).credentialsProvider(none).httpClient(new CannedHttpClient()).build();
             SqsClient sqs = SqsClient.builder().region(region).credentialsProvider(none).httpClient(new CannedHttpClient()).build();
             SsmClient ssm = SsmClient.builder().region(region).credentialsProvider(none).httpClient(new CannedHttpClient()).build()) {
            quietly(() -> db.getItem(b -> b.tableName("prime").key(key).consistentRead(true)));
            quietly(() -> db.updateItem(b -> b.tableName("prime").key(key).updateExpression("SET #a = :v")
                    .conditionExpression("#a < :v").expressionAttributeNames(Map.of("#a", "a"))
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("1")))));
            quietly(() -> db.putItem(b -> b.tableName("prime").item(key).conditionExpression("attribute_not_exists(pk)")));
            quietly(() -> db.queryPaginator(b -> b.tableName("prime").keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("prime")))).items().forEach(i -> { }));
            quietly(() -> sqs.sendMessage(b -> b.queueUrl("https://sqs." + region + ".amazonaws.com/000000000000/prime").messageBody("{}")));
            quietly(() -> sqs.changeMessageVisibility(b -> b.queueUrl("https://sqs." + region + ".amazonaws.com/000000000000/prime")
                    .receiptHandle("prime").visibilityTimeout(0)));
            quietly(() -> ssm.getParameter(b -> b.name("/prime").withDecryption(true)));
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void step(String name, Step step, List<String> failed) {
        try {
            step.run();
        } catch (Exception | LinkageError e) {
            failed.add(name + ": " + e);
            LOG.log(System.Logger.Level.WARNING, "priming " + name + " failed (the first event will be slower): " + e);
        }
    }

    private static void quietly(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException expected) {
            // a canned {} is not every operation's answer: what ran until here is warm
        }
    }
}
