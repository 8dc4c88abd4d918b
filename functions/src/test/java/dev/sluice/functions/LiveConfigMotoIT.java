package dev.sluice.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.serverless.ServerlessContext;
import dev.sluice.emulators.MotoServer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** An edited SSM parameter reaches a running container one TTL later, without a redeploy (moto's SSM). */
class LiveConfigMotoIT {
    @Test
    void aChangedParameterReplacesTheContextAfterTheTtl() {
        try (MotoServer moto = MotoServer.start(); SsmClient ssm = ssm(moto.endpoint())) {
            ssm.putParameter(r -> r.name("/sluice/config").type("SecureString").value(config("first")));
            AtomicLong now = new AtomicLong();
            LiveContext live = new LiveContext(Map.of("SLUICE_CONFIG", "ssm:/sluice/config", "SLUICE_RUNS_TABLE", "runs",
                    "SLUICE_CURSORS_TABLE", "cursors", "SLUICE_WORK_QUEUE_URL", "https://sqs/work",
                    "SLUICE_FINALIZE_QUEUE_URL", "https://sqs/finalize"),
                    () -> new AwsServices(unused(DynamoDbClient.builder()), unused(SqsClient.builder()), () -> ssm, () -> null, () -> null), Duration.ofSeconds(60), now::get);
            ServerlessContext first = live.get();
            assertThat(first.prepared().sources().get(0).name()).isEqualTo("first");

            ssm.putParameter(r -> r.name("/sluice/config").type("SecureString").overwrite(true).value(config("second")));
            now.addAndGet(Duration.ofSeconds(30).toNanos());
            assertThat(live.get()).as("within the TTL").isSameAs(first);
            now.addAndGet(Duration.ofSeconds(31).toNanos());
            ServerlessContext second = live.get();
            assertThat(second.prepared().sources().get(0).name()).isEqualTo("second");
            second.close();
        }
    }

    /** A client no call of this test reaches (building a context sends nothing). */
    private static <C, B extends software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, C>
            & software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>> C unused(B builder) {
        return builder.httpClient(new CannedHttpClient()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x"))).build();
    }

    private static SsmClient ssm(URI endpoint) {
        return SsmClient.builder().region(Region.US_EAST_1).endpointOverride(endpoint)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private static String config(String source) {
        return """
                kind: source
                spec:
                  name: %s
                  path: cloudquery/test
                  tables: ["*"]
                  destinations: [out]
                ---
                kind: destination
                spec:
                  name: out
                  path: cloudquery/postgresql
                  spec: {connection_string: "postgresql://nobody@127.0.0.1:1/none"}
                """.formatted(source);
    }
}
