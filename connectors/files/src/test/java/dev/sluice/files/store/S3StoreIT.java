package dev.sluice.files.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.emulators.MotoServer;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.TransientException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** S3Store against moto_server: objects appear whole or not at all, and failures say where and why. */
class S3StoreIT {
    static final StaticCredentialsProvider TESTING = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    private static final int PART = S3Store.MIN_PART_SIZE;
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private static MotoServer moto;
    private static S3Client admin;
    private String bucket;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start();
        admin = client(moto.endpoint());
    }

    @AfterAll
    static void stopMoto() {
        admin.close();
        moto.close();
    }

    @BeforeEach
    void createBucket() {
        bucket = "sluice-store-" + BUCKETS.incrementAndGet();
        admin.createBucket(r -> r.bucket(bucket));
    }

    @Test
    void aSmallObjectIsOnePutAndHoldsNoBufferAfterwards() throws IOException {
        try (S3Store store = store(bucket)) {
            S3Upload upload = (S3Upload) store.begin("t/one.jsonl");
            upload.stream().write("{\"a\":1}\n".getBytes(StandardCharsets.UTF_8));
            assertThat(keys()).isEmpty();
            upload.complete();
            assertThat(upload.partsUploaded()).isZero();
            assertThat(upload.heldBytes()).isZero();
            assertThat(read("t/one.jsonl")).isEqualTo("{\"a\":1}\n".getBytes(StandardCharsets.UTF_8));
            assertThat(store.where("t/one.jsonl")).isEqualTo("s3://" + bucket + "/t/one.jsonl");
        }
        assertThat(inProgressUploads()).isZero();
    }

    @Test
    void anEmptyObjectIsWritten() {
        try (S3Store store = store(bucket)) {
            store.begin("empty").complete();
        }
        assertThat(read("empty")).isEmpty();
    }

    @Test
    void aLargeObjectGoesUpInPartsHoldingOnePartAndAppearsOnlyWhenComplete() throws IOException {
        byte[] data = random(12 * 1024 * 1024 + 123, 1);
        try (S3Store store = store(bucket)) {
            S3Upload upload = (S3Upload) store.begin("t/big.bin");
            int maxHeld = 0;
            for (int off = 0; off < data.length; off += 100_000) {
                upload.stream().write(data, off, Math.min(100_000, data.length - off));
                maxHeld = Math.max(maxHeld, upload.heldBytes());
            }
            assertThat(upload.partsUploaded()).isEqualTo(2);
            assertThat(keys()).as("nothing visible before complete").isEmpty();
            assertThat(inProgressUploads()).isEqualTo(1);
            upload.complete();
            assertThat(upload.partsUploaded()).isEqualTo(3);
            assertThat(maxHeld).as("one part buffer, not the object").isEqualTo(PART);
            assertThat(upload.heldBytes()).as("buffer released").isZero();
        }
        assertThat(read("t/big.bin")).isEqualTo(data);
        assertThat(inProgressUploads()).isZero();
    }

    @Test
    void anObjectOfExactlyOnePartIsOnePut() throws IOException {
        byte[] data = random(PART, 2);
        try (S3Store store = store(bucket)) {
            S3Upload upload = (S3Upload) store.begin("exact");
            upload.stream().write(data);
            upload.complete();
            assertThat(upload.partsUploaded()).isZero();
        }
        assertThat(read("exact")).isEqualTo(data);
    }

    @Test
    void aLaterUploadOfTheSameKeyReplacesItWhole() throws IOException {
        byte[] big = random(11 * 1024 * 1024, 3);
        try (S3Store store = store(bucket)) {
            write(store, "t/same", big);
            assertThat(read("t/same")).isEqualTo(big);
            write(store, "t/same", "small".getBytes(StandardCharsets.UTF_8));
            assertThat(read("t/same")).isEqualTo("small".getBytes(StandardCharsets.UTF_8));
            Upload third = store.begin("t/same");
            third.stream().write(random(6 * 1024 * 1024, 4));
            assertThat(read("t/same")).as("the earlier object until the new one completes").isEqualTo("small".getBytes(StandardCharsets.UTF_8));
            third.abort();
            assertThat(read("t/same")).isEqualTo("small".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(keys()).containsExactly("t/same");
    }

    @Test
    void abortLeavesNoObjectAndNoMultipartUpload() throws IOException {
        try (S3Store store = store(bucket)) {
            S3Upload multipart = (S3Upload) store.begin("t/aborted-big");
            multipart.stream().write(random(11 * 1024 * 1024, 5));
            assertThat(inProgressUploads()).isEqualTo(1);
            multipart.abort();
            multipart.abort();
            assertThat(multipart.heldBytes()).isZero();
            Upload small = store.begin("t/aborted-small");
            small.stream().write(1);
            small.abort();
            assertThatThrownBy(small::complete).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> multipart.stream().write(1)).isInstanceOf(IllegalStateException.class);
        }
        assertThat(keys()).isEmpty();
        assertThat(inProgressUploads()).isZero();
    }

    @Test
    void aMissingBucketIsNamedWithTheKeyAndNothingIsWritten() throws IOException {
        try (S3Store store = store("no-such-bucket")) {
            Upload small = store.begin("t/x.csv");
            small.stream().write(1);
            assertThatThrownBy(small::complete).isInstanceOf(ConnectorException.class)
                    .isNotInstanceOf(TransientException.class)
                    .hasMessageContaining("s3://no-such-bucket/t/x.csv")
                    .hasMessageContaining("bucket no-such-bucket does not exist")
                    .hasMessageContaining("PutObject: NoSuchBucket");
            Upload big = store.begin("t/y.csv");
            assertThatThrownBy(() -> big.stream().write(new byte[PART + 1]))
                    .isInstanceOf(ConnectorException.class)
                    .hasMessageContaining("s3://no-such-bucket/t/y.csv")
                    .hasMessageContaining("bucket no-such-bucket does not exist")
                    .hasMessageContaining("CreateMultipartUpload: NoSuchBucket");
            big.abort();
            assertThatThrownBy(() -> store.probe("t/.probe")).isInstanceOf(ConnectorException.class)
                    .hasMessageContaining("bucket no-such-bucket does not exist");
        }
        assertThat(admin.listBuckets().buckets()).noneMatch(b -> b.name().equals("no-such-bucket"));
    }

    @Test
    void anEndpointThatIsDownFailsQuicklyAsTransientNamingTheObjectAndEndpoint() throws IOException {
        int port = closedPort();
        S3Settings settings = new S3Settings(bucket, "us-east-1", Optional.of(URI.create("http://127.0.0.1:" + port)), true);
        long start = System.nanoTime();
        try (S3Store store = new S3Store(S3Clients.builder(settings).credentialsProvider(TESTING)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(2).build()))
                .build(), bucket, PART)) {
            Upload upload = store.begin("t/down");
            upload.stream().write(1);
            assertThatThrownBy(upload::complete).isInstanceOf(TransientException.class)
                    .hasMessageContaining("s3://" + bucket + "/t/down")
                    .hasMessageContaining("cannot reach the S3 endpoint http://127.0.0.1:" + port)
                    .hasMessageContaining("PutObject")
                    .message().doesNotContain("testing");
            assertThatThrownBy(() -> store.probe("t/.probe")).isInstanceOf(TransientException.class)
                    .hasMessageContaining("s3://" + bucket + "/t/.probe");
        }
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms").isLessThan(10_000);
    }

    @Test
    void probeWritesAndDeletesItsObject() {
        try (S3Store store = S3Store.open(new S3Settings(bucket, "us-east-1", Optional.of(moto.endpoint()), true), TESTING)) {
            store.probe("t/.sluice-probe");
        }
        assertThat(keys()).isEmpty();
    }

    @Test
    void aPartThatKeepsFailingAbortsTheUploadAndIsTransient() throws IOException {
        try (FailingS3Proxy proxy = new FailingS3Proxy(moto.endpoint(),
                r -> r.method().equals("PUT") && r.hasQuery("partNumber") && r.query().contains("partNumber=2"), 500, "InternalError");
             S3Store store = new S3Store(fewRetries(proxy.endpoint()), bucket, PART)) {
            Upload upload = store.begin("t/failing");
            OutputStream out = upload.stream();
            out.write(random(PART + 10, 6));
            assertThatThrownBy(() -> out.write(random(PART, 7))).isInstanceOf(TransientException.class)
                    .hasMessageContaining("cannot write s3://" + bucket + "/t/failing")
                    .hasMessageContaining("after the SDK's retries")
                    .hasMessageContaining("(UploadPart: InternalError: injected by the test)");
            assertThat(proxy.failed()).isEqualTo(2);
            assertThatThrownBy(upload::complete).isInstanceOf(IllegalStateException.class);
            upload.abort();
        }
        assertThat(keys()).isEmpty();
        assertThat(inProgressUploads()).isZero();
    }

    @Test
    void aFailedCompleteAbortsTheUploadAndKeepsTheEarlierObject() throws IOException {
        try (S3Store plain = store(bucket)) {
            write(plain, "t/kept", "earlier".getBytes(StandardCharsets.UTF_8));
        }
        try (FailingS3Proxy proxy = new FailingS3Proxy(moto.endpoint(),
                r -> r.method().equals("POST") && r.hasQuery("uploadId"), 400, "InvalidPart");
             S3Store store = new S3Store(fewRetries(proxy.endpoint()), bucket, PART)) {
            Upload upload = store.begin("t/kept");
            upload.stream().write(random(PART + 10, 8));
            assertThatThrownBy(upload::complete).isInstanceOf(ConnectorException.class)
                    .isNotInstanceOf(TransientException.class)
                    .hasMessageContaining("cannot write s3://" + bucket + "/t/kept")
                    .hasMessageContaining("(CompleteMultipartUpload: InvalidPart: injected by the test)");
            upload.abort();
        }
        assertThat(read("t/kept")).isEqualTo("earlier".getBytes(StandardCharsets.UTF_8));
        assertThat(inProgressUploads()).isZero();
    }

    @Test
    void throttlingLeftAfterTheRetriesIsTransient() throws IOException {
        try (FailingS3Proxy proxy = new FailingS3Proxy(moto.endpoint(), r -> r.method().equals("PUT"), 503, "SlowDown");
             S3Store store = new S3Store(fewRetries(proxy.endpoint()), bucket, PART)) {
            Upload upload = store.begin("t/slow");
            upload.stream().write(1);
            assertThatThrownBy(upload::complete).isInstanceOf(TransientException.class)
                    .hasMessageContaining("s3://" + bucket + "/t/slow")
                    .hasMessageContaining("(PutObject: SlowDown: injected by the test)");
        }
        assertThat(keys()).isEmpty();
    }

    private static S3Client fewRetries(URI endpoint) {
        return S3Clients.builder(new S3Settings("any", "us-east-1", Optional.of(endpoint), true)).credentialsProvider(TESTING)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(2)
                        .backoffStrategy(BackoffStrategy.retryImmediately()).throttlingBackoffStrategy(BackoffStrategy.retryImmediately()).build()))
                .build();
    }

    static S3Client client(URI endpoint) {
        return S3Clients.builder(new S3Settings("any", "us-east-1", Optional.of(endpoint), true)).credentialsProvider(TESTING).build();
    }

    private static S3Store store(String bucket) {
        return new S3Store(client(moto.endpoint()), bucket, PART);
    }

    private static void write(ObjectStore store, String key, byte[] data) throws IOException {
        Upload u = store.begin(key);
        try (OutputStream out = u.stream()) {
            out.write(data);
        }
        u.complete();
    }

    private byte[] read(String key) {
        return admin.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
    }

    private java.util.List<String> keys() {
        return admin.listObjectsV2(r -> r.bucket(bucket)).contents().stream().map(S3Object::key).toList();
    }

    private int inProgressUploads() {
        return admin.listMultipartUploads(r -> r.bucket(bucket)).uploads().size();
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
