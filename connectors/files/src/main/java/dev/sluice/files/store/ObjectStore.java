package dev.sluice.files.store;

/**
 * A place that stores whole objects under keys: a local directory ({@link LocalStore}) or an S3
 * bucket ({@link S3Store}). Thread-safe: uploads of different keys may run at once; each
 * {@link Upload} belongs to one thread.
 */
public interface ObjectStore extends AutoCloseable {

    /**
     * Starts writing the object {@code key}. Nothing is visible at {@code key} until
     * {@link Upload#complete()}; a later completed upload of the same key replaces it whole.
     *
     * @throws dev.sluice.spi.ConnectorException when the key is not usable here or the upload cannot start
     */
    default Upload begin(String key) {
        return begin(key, "application/octet-stream");
    }

    /** {@link #begin(String)}, with the object's media type where the store records one (S3's Content-Type). */
    Upload begin(String key, String contentType);

    /**
     * Checks that objects can be written here: writes a tiny object at {@code key} and deletes it.
     *
     * @throws dev.sluice.spi.ConnectorException naming where and why it failed (no such bucket or
     *         directory, access denied, endpoint unreachable)
     */
    void probe(String key);

    /** Where {@code key} is, for messages: {@code s3://bucket/key} or the file's path. */
    String where(String key);

    @Override
    void close();
}
