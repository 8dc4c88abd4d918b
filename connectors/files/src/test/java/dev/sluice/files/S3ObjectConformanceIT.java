package dev.sluice.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.emulators.MotoServer;
import dev.sluice.spi.ConnectorConfig;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.Destination;
import dev.sluice.spi.MigrateMode;
import dev.sluice.spi.Spec;
import dev.sluice.spi.TableSchema;
import dev.sluice.testkit.ObjectConformance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The s3 destination against moto_server's S3 passes the object conformance tests (DuckDB reads
 * the downloaded objects), probes the bucket when a sync starts, and names bucket and key when
 * it cannot write.
 */
class S3ObjectConformanceIT extends ObjectConformance {
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static MotoServer moto;
    private static S3Client s3;

    @TempDir
    Path dir;
    private String bucket;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start();
        // the destination takes credentials from the default chain; moto accepts any
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        s3 = S3Client.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build();
    }

    @AfterAll
    static void stopMoto() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        s3.close();
        moto.close();
    }

    private Destination s3Destination(String bucket, Map<String, Object> extra) {
        Map<String, Object> spec = new HashMap<>(Map.of("bucket", bucket, "region", "us-east-1",
                "endpoint", moto.endpoint().toString(), "use_path_style", true,
                "path", "lake/{{TABLE}}/{{UUID}}.{{FORMAT}}", "format", "json"));
        spec.putAll(extra);
        return new S3DestinationFactory().create(new ConnectorConfig("s3", new Spec(spec)));
    }

    @Override
    protected Destination newDestination() {
        bucket = "conformance-" + BUCKETS.incrementAndGet();
        s3.createBucket(r -> r.bucket(bucket));
        return s3Destination(bucket, Map.of());
    }

    @Override
    protected List<UUID> storedIds(TableSchema table) {
        Path local = dir.resolve(UUID.randomUUID().toString());
        // the whole bucket listed and filtered: moto refuses a signed ListObjectsV2 prefix holding a /
        for (S3Object o : s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents()) {
            if (o.key().startsWith("lake/" + table.name() + "/")) {
                Path file = local.resolve(o.key());
                try {
                    Files.createDirectories(file.getParent());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                s3.getObject(r -> r.bucket(bucket).key(o.key()), file);
            }
        }
        return ObjectReader.ids(local, "json");
    }

    @Test
    void aSyncStartsWithAProbeThatLeavesNothing() {
        Destination d = destination();
        d.migrate(List.of(appendTable("probed")), MigrateMode.SAFE);
        assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).isEmpty();
    }

    @Test
    void aMissingBucketFailsTheProbeNamingBucketAndKeyAndWritesNothing() {
        try (Destination d = s3Destination("no-such-bucket", Map.of())) {
            d.open();
            assertThatThrownBy(() -> d.migrate(List.of(appendTable("t")), MigrateMode.SAFE))
                    .isInstanceOf(ConnectorException.class)
                    .hasMessageContaining("s3://no-such-bucket/lake/sluice-write-probe-")
                    .hasMessageContaining("bucket no-such-bucket does not exist");
        }
        assertThat(s3.listBuckets().buckets()).noneMatch(b -> b.name().equals("no-such-bucket"));
    }

    @Test
    void objectsCarryTheirFormatsMediaTypeOrTheConfiguredOne() {
        Map<Map<String, Object>, String> cases = Map.of(
                Map.of(), "application/json",
                Map.of("compression", "gzip"), "application/gzip",
                Map.of("format", "parquet"), "application/vnd.apache.parquet",
                Map.of("format", "csv"), "text/csv",
                Map.of("content_type", "application/x-ndjson"), "application/x-ndjson");
        int n = 0;
        for (Map.Entry<Map<String, Object>, String> c : cases.entrySet()) {
            TableSchema t = appendTable("typed_" + n++);
            try (Destination d = s3Destination(bucket, c.getKey())) {
                d.open();
                d.objects().orElseThrow().begin(t, new dev.sluice.spi.ObjectName(UUID.randomUUID(), "s", java.time.Instant.now(), true))
                        .seal();
            }
            String key = s3.listObjectsV2(r -> r.bucket(bucket)).contents().stream().map(S3Object::key)
                    .filter(k -> k.startsWith("lake/" + t.name() + "/")).findFirst().orElseThrow();
            assertThat(s3.headObject(r -> r.bucket(bucket).key(key)).contentType()).as(c.getKey().toString()).isEqualTo(c.getValue());
        }
    }

    @Test
    void withoutTestWriteNothingIsProbed() {
        try (Destination d = s3Destination("no-such-bucket", Map.of("test_write", false))) {
            d.open();
            d.migrate(List.of(appendTable("t")), MigrateMode.SAFE);
        }
    }
}
