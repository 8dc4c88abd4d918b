package dev.sluice.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The region from the environment, a clear error without it, and an endpoint override. */
class AwsClientsTest {
    @Test
    void theRegionComesFromAwsRegion() {
        assertThat(AwsClients.fromEnvironment(Map.of("AWS_REGION", "eu-west-1")).region()).isEqualTo(Region.EU_WEST_1);
        assertThat(AwsClients.fromEnvironment(Map.of("AWS_DEFAULT_REGION", "us-west-2")).region()).isEqualTo(Region.US_WEST_2);
        assertThatThrownBy(() -> AwsClients.fromEnvironment(Map.of())).hasMessageStartingWith("AWS_REGION is not set");
    }

    @Test
    void clientsAreBuiltOnTheUrlConnectionClient() {
        AwsClients clients = AwsClients.fromEnvironment(Map.of("AWS_REGION", "eu-west-1")).withEndpoint(URI.create("http://127.0.0.1:1"));
        try (DynamoDbClient db = clients.dynamo()) {
            assertThat(db.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://127.0.0.1:1"));
            assertThat(db.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
        }
        clients.sqs().close();
        clients.ssm().close();
        clients.s3().close();
        clients.secrets().close();
    }
}
