package dev.sluice.connector.aws;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The service clients of one account and region, each made on first use over the shared
 * URL-connection HTTP client, with the account's credentials, the spec's endpoint overrides
 * (path-style S3 when S3's endpoint is overridden) and AWS's standard retry strategy bounded by
 * {@code max_retries} and {@code max_backoff}. Thread-safe; {@link #close()} closes every client made.
 */
final class DefaultAwsClients implements AwsClients, AutoCloseable {
    /** The first wait before a retry; doubled on each attempt (with jitter) up to {@code max_backoff}. */
    private static final java.time.Duration BASE_DELAY = java.time.Duration.ofMillis(100);
    /** The first wait after a throttling error, longer than after another retryable error. */
    private static final java.time.Duration THROTTLING_BASE_DELAY = java.time.Duration.ofSeconds(1);

    private final AwsSourceConfig config;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final Region region;
    private final List<SdkAutoCloseable> made = new ArrayList<>();
    private S3Client s3;
    private IamClient iam;
    private SqsClient sqs;
    private DynamoDbClient dynamodb;
    private LambdaClient lambda;
    private Ec2Client ec2;
    private RdsClient rds;
    private StsClient sts;

    DefaultAwsClients(AwsSourceConfig config, SdkHttpClient http, AwsCredentialsProvider credentials, String region) {
        this.config = config;
        this.http = http;
        this.credentials = credentials;
        this.region = Region.of(region);
    }

    @Override
    public synchronized S3Client s3() {
        if (s3 == null) {
            s3 = keep(configure(S3Client.builder(), "s3")
                    .forcePathStyle(config.endpoint("s3").isPresent())
                    .crossRegionAccessEnabled(true)
                    .build());
        }
        return s3;
    }

    @Override
    public synchronized IamClient iam() {
        if (iam == null) {
            iam = keep(configure(IamClient.builder(), "iam").build());
        }
        return iam;
    }

    @Override
    public synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = keep(configure(SqsClient.builder(), "sqs").build());
        }
        return sqs;
    }

    @Override
    public synchronized DynamoDbClient dynamodb() {
        if (dynamodb == null) {
            dynamodb = keep(configure(DynamoDbClient.builder(), "dynamodb").build());
        }
        return dynamodb;
    }

    @Override
    public synchronized LambdaClient lambda() {
        if (lambda == null) {
            lambda = keep(configure(LambdaClient.builder(), "lambda").build());
        }
        return lambda;
    }

    @Override
    public synchronized Ec2Client ec2() {
        if (ec2 == null) {
            ec2 = keep(configure(Ec2Client.builder(), "ec2").build());
        }
        return ec2;
    }

    @Override
    public synchronized RdsClient rds() {
        if (rds == null) {
            rds = keep(configure(RdsClient.builder(), "rds").build());
        }
        return rds;
    }

    /** STS with this scope's credentials (the caller's identity). */
    synchronized StsClient sts() {
        if (sts == null) {
            sts = keep(configure(StsClient.builder(), "sts").build());
        }
        return sts;
    }

    /** A builder for {@code service} with the shared HTTP client, the region, endpoint and retries. */
    static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, String service, AwsSourceConfig config, SdkHttpClient http, AwsCredentialsProvider credentials,
            Region region) {
        builder.httpClient(http).region(region).credentialsProvider(credentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(retryStrategy(config)).build());
        config.endpoint(service).ifPresent(builder::endpointOverride);
        return builder;
    }

    /**
     * AWS's standard strategy with the spec's bounds, as CloudQuery's standard retryer with a
     * maximum backoff. Not the adaptive one: its client-side rate limiter, after throttling, holds
     * later requests back well past {@code max_backoff} (AwsThrottlingIT: 14 errors with a 200 ms
     * bound took 17.6 s instead of 1.4 s plus at most 2.8 s).
     */
    static RetryStrategy retryStrategy(AwsSourceConfig config) {
        java.time.Duration max = config.maxBackoff();
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(config.maxRetries() + 1)
                .backoffStrategy(BackoffStrategy.exponentialDelay(min(BASE_DELAY, max), max))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(min(THROTTLING_BASE_DELAY, max), max))
                .build();
    }

    private static java.time.Duration min(java.time.Duration a, java.time.Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, String service) {
        return configure(builder, service, config, http, credentials, region);
    }

    private <C extends SdkAutoCloseable> C keep(C client) {
        made.add(client);
        return client;
    }

    @Override
    public synchronized void close() {
        RuntimeException first = null;
        for (SdkAutoCloseable c : made) {
            try {
                c.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        made.clear();
        if (first != null) {
            throw first;
        }
    }
}
