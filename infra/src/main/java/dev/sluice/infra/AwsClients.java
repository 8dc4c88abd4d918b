package dev.sluice.infra;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Builds the AWS SDK clients Sluice uses, all on the JDK's URLConnection HTTP client (no
 * Netty, no Apache client: small Lambda jar, fast cold start). The region comes from
 * {@code AWS_REGION} (Lambda sets it); an endpoint override points every client at an
 * emulator. Each call builds a new client; the caller closes it.
 */
public final class AwsClients {
    private final Region region;
    private final Optional<URI> endpoint;
    private final AwsCredentialsProvider credentials;

    public AwsClients(Region region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        this.region = Objects.requireNonNull(region, "region");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /** Region from {@code AWS_REGION} (or {@code AWS_DEFAULT_REGION}), the default credentials chain, AWS's endpoints. */
    public static AwsClients fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static AwsClients fromEnvironment(Map<String, String> env) {
        String region = Optional.ofNullable(env.get("AWS_REGION")).filter(r -> !r.isBlank())
                .or(() -> Optional.ofNullable(env.get("AWS_DEFAULT_REGION")).filter(r -> !r.isBlank()))
                .orElseThrow(() -> new IllegalStateException(
                        "AWS_REGION is not set: name the AWS region Sluice's tables and queues are in"));
        return new AwsClients(Region.of(region), Optional.empty(), DefaultCredentialsProvider.builder().build());
    }

    /** The same region and credentials, every client sent to {@code uri} instead of AWS's endpoints. */
    public AwsClients withEndpoint(URI uri) {
        return new AwsClients(region, Optional.of(uri), credentials);
    }

    public Region region() {
        return region;
    }

    public DynamoDbClient dynamo() {
        return configure(DynamoDbClient.builder()).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public SqsClient sqs() {
        return configure(SqsClient.builder()).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public SsmClient ssm() {
        return configure(SsmClient.builder()).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public S3Client s3() {
        return configure(S3Client.builder()).forcePathStyle(endpoint.isPresent())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public SecretsManagerClient secrets() {
        return configure(SecretsManagerClient.builder()).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        builder.region(region).credentialsProvider(credentials);
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }
}
