package dev.sluice.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.serverless.ServerlessContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** What a container keeps: primed code paths before any event, and a config that stays live. */
class ContainerTest {
    @TempDir
    Path dir;

    @Test
    void primingRunsEveryStepWithoutNetworkCredentialsOrConfig() {
        assertThat(Priming.prime(Region.EU_WEST_1)).isEmpty();
    }

    @Test
    void theConfigIsReadAgainAfterTheTtlAndAChangeReplacesTheContext() throws Exception {
        Path config = dir.resolve("sluice.yml");
        Files.writeString(config, config("before"));
        AtomicLong now = new AtomicLong();
        LiveContext live = new LiveContext(Map.of("SLUICE_CONFIG", config.toString(), "SLUICE_RUNS_TABLE", "runs",
                "SLUICE_CURSORS_TABLE", "cursors", "SLUICE_WORK_QUEUE_URL", "https://sqs/work",
                "SLUICE_FINALIZE_QUEUE_URL", "https://sqs/finalize"), ContainerTest::unusedClients, Duration.ofSeconds(60), now::get);

        ServerlessContext first = live.get();
        Files.writeString(config, config("after"));
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(live.get()).as("within the TTL: not read again").isSameAs(first);

        now.addAndGet(Duration.ofSeconds(2).toNanos());
        ServerlessContext second = live.get();
        assertThat(second).as("past the TTL, changed: a new context").isNotSameAs(first);
        assertThat(second.prepared().sources().get(0).name()).isEqualTo("after");

        now.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(live.get()).as("past the TTL, unchanged: the same context").isSameAs(second);
        second.close();
    }

    private static String config(String source) {
        return """
                kind: source
                spec:
                  name: %s
                  path: cloudquery/test
                  tables: ["*"]
                  destinations: [out]
                  spec: {num_rows: 3}
                ---
                kind: destination
                spec:
                  name: out
                  path: cloudquery/postgresql
                  spec: {connection_string: "postgresql://nobody@127.0.0.1:1/none"}
                """.formatted(source);
    }

    /** Clients no test call reaches: building a context sends no request. */
    private static AwsServices unusedClients() {
        StaticCredentialsProvider none = StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x"));
        return new AwsServices(DynamoDbClient.builder().region(Region.US_EAST_1).credentialsProvider(none).httpClient(new CannedHttpClient()).build(),
                SqsClient.builder().region(Region.US_EAST_1).credentialsProvider(none).httpClient(new CannedHttpClient()).build(),
                () -> { throw new IllegalStateException("no SSM"); }, () -> { throw new IllegalStateException("no S3"); },
                () -> { throw new IllegalStateException("no Secrets Manager"); });
    }
}
