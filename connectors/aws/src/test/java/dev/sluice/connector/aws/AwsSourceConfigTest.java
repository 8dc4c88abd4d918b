package dev.sluice.connector.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.spi.ConfigException;
import dev.sluice.spi.Spec;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AwsSourceConfigTest {

    @Test
    void defaultsAreTheDefaultCredentialsAccountTenRetriesAndThirtySeconds() {
        AwsSourceConfig config = AwsSourceConfig.parse(Spec.empty());
        assertThat(config.regions()).isEmpty();
        assertThat(config.accounts()).isEmpty();
        assertThat(config.effectiveAccounts()).extracting(AwsAccount::id).containsExactly(AwsAccount.DEFAULT_ID);
        assertThat(config.maxRetries()).isEqualTo(10);
        assertThat(config.maxBackoff()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.endpoint("s3")).isEmpty();
    }

    @Test
    void readsAccountsRegionsEndpointsAndRetries() {
        AwsSourceConfig config = AwsSourceConfig.parse(new Spec(Map.of(
                "regions", List.of("us-east-1", "eu-west-1"),
                "accounts", List.of(Map.of("id", "main"),
                        Map.of("id", "prod", "role_arn", "arn:aws:iam::222222222222:role/reader", "external_id", "x-1",
                                "regions", List.of("eu-central-1"))),
                "endpoint_url", "http://127.0.0.1:5000",
                "endpoints", Map.of("s3", "http://127.0.0.1:6000"),
                "max_retries", 3,
                "max_backoff", "2s")));
        assertThat(config.regions()).containsExactly("us-east-1", "eu-west-1");
        AwsAccount prod = config.accounts().get(1);
        assertThat(prod.roleArn()).contains("arn:aws:iam::222222222222:role/reader");
        assertThat(prod.externalId()).contains("x-1");
        assertThat(prod.regions()).containsExactly("eu-central-1");
        assertThat(prod.roleAccountNumber()).contains("222222222222");
        assertThat(config.accounts().get(0).roleArn()).isEqualTo(Optional.empty());
        assertThat(config.endpoint("s3")).contains(URI.create("http://127.0.0.1:6000"));
        assertThat(config.endpoint("iam")).contains(URI.create("http://127.0.0.1:5000"));
        assertThat(config.maxRetries()).isEqualTo(3);
        assertThat(config.maxBackoff()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void reportsEveryProblemAtOnceWithItsField() {
        assertThatThrownBy(() -> AwsSourceConfig.parse(new Spec(Map.of(
                "regions", List.of("us-east-1", "US East", "*"),
                "accounts", List.of(Map.of("id", "a", "role_arn", "arn:aws:iam::222222222222:user/bob"),
                        Map.of("id", "a", "external_id", "x", "colour", "red"),
                        Map.of("role_arn", "arn:aws:iam::333333333333:role/r")),
                "endpoint_url", "localhost:5000",
                "endpoints", Map.of("ecs", "http://127.0.0.1:1"),
                "max_retries", -1,
                "max_backoff", "soon",
                "org", Map.of()))))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field().orElse("?"))
                        .containsExactlyInAnyOrder("org", "regions[1]", "regions[2]", "accounts[0].role_arn",
                                "accounts[1].colour", "accounts[1].external_id", "accounts[1].id", "accounts[2].id",
                                "endpoint_url", "endpoints.ecs", "max_retries", "max_backoff"));
    }

    @Test
    void aStarAloneMeansEveryEnabledRegion() {
        AwsSourceConfig config = AwsSourceConfig.parse(new Spec(Map.of("regions", List.of("*"),
                "accounts", List.of(Map.of("id", "a", "regions", List.of("*"))))));
        assertThat(config.regions()).containsExactly("*");
        assertThat(config.accounts().get(0).regions()).containsExactly("*");
        assertThatThrownBy(() -> AwsSourceConfig.parse(new Spec(Map.of("regions", List.of("*", "us-east-1"),
                "accounts", List.of(Map.of("id", "a", "regions", List.of("eu-west-1", "*")))))))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field().orElse("?") + ": " + p.getMessage())
                        .anySatisfy(m -> assertThat(m).startsWith("regions[0]").contains("only region"))
                        .anySatisfy(m -> assertThat(m).startsWith("accounts[0].regions[1]").contains("only region"))
                        .hasSize(2));
    }

    @Test
    void namesTheBadValues() {
        assertThatThrownBy(() -> AwsSourceConfig.parse(new Spec(Map.of(
                "accounts", List.of(Map.of("id", "a", "role_arn", "arn:aws:iam::222222222222:user/bob",
                        "regions", List.of("moon-1")))))))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(Throwable::getMessage)
                        .anySatisfy(m -> assertThat(m).contains("arn:aws:iam::222222222222:user/bob", "not an IAM role ARN"))
                        .anySatisfy(m -> assertThat(m).contains("moon-1", "not a region name")));
    }

    @Test
    void rejectsAnEmptyAccountListAndNoRegions() {
        assertThatThrownBy(() -> AwsSourceConfig.parse(new Spec(Map.of("accounts", List.of(), "regions", List.of()))))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field().orElse("?")).containsExactlyInAnyOrder("accounts", "regions"));
    }

    @Test
    void partitionsRoundTrip() {
        AwsPartition p = new AwsPartition("eu-west-1", "prod");
        assertThat(p.encode()).isEqualTo("eu-west-1/prod");
        assertThat(AwsPartition.decode(p.encode())).isEqualTo(p);
        assertThatThrownBy(() -> AwsPartition.decode("")).hasMessageContaining("region/account");
    }

    @Test
    void bucketLocationsAreRegions() {
        assertThat(S3BucketsTable.region(null)).isEqualTo("us-east-1");
        assertThat(S3BucketsTable.region("")).isEqualTo("us-east-1");
        assertThat(S3BucketsTable.region("EU")).isEqualTo("eu-west-1");
        assertThat(S3BucketsTable.region("ap-south-1")).isEqualTo("ap-south-1");
    }

    @Test
    void theRetryStrategyIsBoundedByTheSpec() {
        AwsSourceConfig config = AwsSourceConfig.parse(new Spec(Map.of("max_retries", 4, "max_backoff", "50ms")));
        assertThat(DefaultAwsClients.retryStrategy(config).maxAttempts()).isEqualTo(5);
    }

    @Test
    void errorMessagesHideSignaturesAndCredentials() {
        assertThat(AwsErrors.clean("bad Signature=abc123, Credential=AKIA/2024/us-east-1 X-Amz-Security-Token: tok"))
                .doesNotContain("abc123", "AKIA", "tok")
                .contains("Signature=(hidden)");
    }
}
