package dev.sluice.files.store;

import java.time.Duration;
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
     * <p>Checksums: since SDK 2.30 the default ({@code WHEN_SUPPORTED}) adds a CRC32 to every
     * PutObject and UploadPart, sent as an aws-chunked trailer, and validates response checksums.
     * S3-compatible stores (older moto, Ceph RGW, MinIO versions, GCS) reject or mis-hash that
     * request shape. {@code WHEN_REQUIRED} sends a checksum only where S3 demands one (none of
     * the calls made here) and is accepted by AWS and by those stores alike; the payload is then
     * covered by TLS on AWS, and by SigV4's signed payload hash over plain HTTP.
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
        return builder;
    }
}
