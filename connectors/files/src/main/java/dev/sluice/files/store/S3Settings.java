package dev.sluice.files.store;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an {@link S3Store} writes: a bucket in a region, and for S3-compatible stores (moto,
 * MinIO) an endpoint and path-style addressing ({@code http://host/bucket/key}); the bytes of
 * each part, and how often and how long the SDK retries a failed request (its standard
 * strategy: {@code maxRetries} after the first attempt, exponential backoff up to {@code maxBackoff}).
 */
public record S3Settings(String bucket, String region, Optional<URI> endpoint, boolean pathStyle,
                         int partSize, int maxRetries, Duration maxBackoff) {
    /** Defaults: 8 MiB parts, 3 retries, 30 s backoff at most (CloudQuery's retries). */
    public S3Settings(String bucket, String region, Optional<URI> endpoint, boolean pathStyle) {
        this(bucket, region, endpoint, pathStyle, S3Store.DEFAULT_PART_SIZE, 3, Duration.ofSeconds(30));
    }

    public S3Settings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (partSize < S3Store.MIN_PART_SIZE || maxRetries < 0 || maxBackoff.isNegative() || maxBackoff.isZero()) {
            throw new IllegalArgumentException("part size must be at least 5 MiB, retries at least 0, backoff positive");
        }
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("S3 bucket is required");
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("S3 region is required");
        }
    }
}
