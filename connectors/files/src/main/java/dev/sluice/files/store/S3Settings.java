package dev.sluice.files.store;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an {@link S3Store} writes: a bucket in a region, and for S3-compatible stores (moto,
 * MinIO) an endpoint and path-style addressing ({@code http://host/bucket/key}).
 */
public record S3Settings(String bucket, String region, Optional<URI> endpoint, boolean pathStyle) {
    public S3Settings {
        Objects.requireNonNull(endpoint, "endpoint");
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("S3 bucket is required");
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("S3 region is required");
        }
    }
}
