package dev.sluice.files.store;

import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the S3 client of {@link S3Settings}. */
final class S3Clients {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);

    private S3Clients() {
    }

    /**
     * A client for {@code settings} over its own URL-connection HTTP client (closed with it), with
     * the default credentials chain unless the caller sets a provider on the builder.
     *
     * <p>Checksums are sent and checked only where S3 requires them ({@code WHEN_REQUIRED}, for
     * requests and responses; none of the calls made here requires one). Since SDK 2.30 the default
     * ({@code WHEN_SUPPORTED}) adds a CRC32 to every PutObject and UploadPart, streamed as an
     * aws-chunked trailer, which S3-compatible stores (Ceph RGW, older MinIO, GCS) are reported to
     * reject; and S3 is reported to refuse a part carrying a checksum when CreateMultipartUpload
     * declared no checksum algorithm, which {@link S3Upload} does not. Sending none avoids both and
     * suits AWS and moto alike (moto 5.2 accepts both settings). The payload is then protected
     * by TLS against AWS; over plain HTTP (moto) the SDK signs the body chunk by chunk
     * ({@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD}).
     */
    static S3ClientBuilder builder(S3Settings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT))
                .forcePathStyle(settings.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        settings.endpoint().ifPresent(builder::endpointOverride);
        Duration base = Duration.ofMillis(Math.min(100, settings.maxBackoff().toMillis()));
        builder.overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.standardRetryStrategy()
                .toBuilder()
                .maxAttempts(settings.maxRetries() + 1)
                .backoffStrategy(BackoffStrategy.exponentialDelay(base, settings.maxBackoff()))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(base, settings.maxBackoff()))
                .build()).build());
        return builder;
    }
}
