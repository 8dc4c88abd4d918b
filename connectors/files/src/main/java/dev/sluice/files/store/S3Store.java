package dev.sluice.files.store;

import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.TransientException;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Objects in one S3 bucket, each uploaded by an {@link S3Upload}: one PutObject when it fits
 * in a part, a multipart upload otherwise. The store owns its client and closes it.
 * The IAM actions it needs are listed in {@link S3Call}.
 */
public final class S3Store implements ObjectStore {
    /** The part size {@link #open} uses. */
    public static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;
    /** S3's smallest part, except the last one. */
    public static final int MIN_PART_SIZE = 5 * 1024 * 1024;
    /** S3's largest key, in UTF-8 bytes. */
    private static final int MAX_KEY_BYTES = 1024;

    private final S3Client client;
    private final String bucket;
    private final int partSize;
    private final String partition;
    private final String endpoint;

    /**
     * @param client   used by this store only, closed by {@link #close()}
     * @param partSize bytes per part, at least {@link #MIN_PART_SIZE}; an upload holds one such buffer
     */
    public S3Store(S3Client client, String bucket, int partSize) {
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("part size " + partSize + " is below S3's minimum of " + MIN_PART_SIZE + " bytes");
        }
        this.client = client;
        this.bucket = bucket;
        this.partSize = partSize;
        Region region = client.serviceClientConfiguration().region();
        this.partition = region == null ? "aws" : PartitionMetadata.of(region).id();
        this.endpoint = client.serviceClientConfiguration().endpointOverride()
                .map(uri -> "the S3 endpoint " + uri)
                .orElse("S3 in " + (region == null ? "its region" : region.id()));
    }

    /** A store for {@code settings} with the default credentials chain. */
    public static S3Store open(S3Settings settings) {
        return new S3Store(S3Clients.builder(settings).build(), settings.bucket(), settings.partSize());
    }

    /** A store for {@code settings} with these credentials (the store does not close them). */
    public static S3Store open(S3Settings settings, AwsCredentialsProvider credentials) {
        return new S3Store(S3Clients.builder(settings).credentialsProvider(credentials).build(), settings.bucket(),
                settings.partSize());
    }

    @Override
    public Upload begin(String key, String contentType) {
        return new S3Upload(client, location(key), endpoint, partSize, contentType);
    }

    @Override
    public void probe(String key) {
        S3Location at = location(key);
        ProbeObject.write(begin(key), at.uri());
        try {
            client.deleteObject(r -> r.bucket(bucket).key(key));
        } catch (SdkException e) {
            ConnectorException failed = S3Errors.translate(e, S3Call.DELETE_OBJECT, at, endpoint);
            String message = "wrote the probe object but " + failed.getMessage();
            throw failed.retryable() ? new TransientException(message, e) : new ConnectorException(message, e);
        }
    }

    @Override
    public String where(String key) {
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public void close() {
        client.close();
    }

    private S3Location location(String key) {
        if (key == null || key.isEmpty()) {
            throw new ConnectorException("object key for s3://" + bucket + "/ refused: it is empty");
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new ConnectorException("object key " + where(key) + " refused: S3 keys are at most " + MAX_KEY_BYTES + " bytes");
        }
        return new S3Location(bucket, key, partition);
    }
}
