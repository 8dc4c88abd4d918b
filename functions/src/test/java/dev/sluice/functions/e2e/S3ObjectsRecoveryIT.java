package dev.sluice.functions.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.emulators.LocalAws;
import dev.sluice.emulators.MotoServer;
import dev.sluice.emulators.lambda.EventSourceMapping;
import dev.sluice.engine.fetch.CrashPoints;
import dev.sluice.engine.run.RunRecord;
import dev.sluice.engine.run.RunState;
import dev.sluice.engine.serverless.ServerlessContext;
import dev.sluice.functions.FetchHandler;
import dev.sluice.functions.Redelivery;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The serverless flow (real handlers, dynalite, ElasticMQ) writing the s3 destination into
 * moto_server's S3: a process that dies at any step of a work item and is redelivered, and a
 * work message delivered twice, leave exactly one copy of every row in the bucket, and no
 * multipart upload in progress.
 */
class S3ObjectsRecoveryIT {
    private static final AtomicInteger SOURCES = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalAws aws;
    private static MotoServer moto;
    private static S3Client s3;

    @TempDir
    Path dir;
    private FlowDriver flow;
    private String bucket;
    private final OffsetClock clock = new OffsetClock();

    @BeforeAll
    static void emulators() {
        aws = LocalAws.start();
        moto = MotoServer.start();
        // the destination reads credentials from the default chain, as in Lambda
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        s3 = S3Client.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build();
    }

    @AfterAll
    static void stopEmulators() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        s3.close();
        moto.close();
        aws.close();
    }

    @BeforeEach
    void freshLedgerQueuesBucketAndConfig() throws IOException {
        aws.sqs().purgeQueue(r -> r.queueUrl(aws.workQueue().url()));
        aws.sqs().purgeQueue(r -> r.queueUrl(aws.finalizeQueue().url()));
        int n = SOURCES.incrementAndGet();
        bucket = "lake-" + n;
        s3.createBucket(r -> r.bucket(bucket));
        flow = new FlowDriver(aws.dynamo(), aws.sqs(), aws.newRunsTable(), aws.cursorsTable(), aws.workQueue().url(),
                aws.finalizeQueue().url(), dir.resolve("sluice.yml"));
        Files.writeString(dir.resolve("sluice.yml"), """
                kind: source
                spec:
                  name: objects%d
                  path: cloudquery/test
                  tables: ["*"]
                  destinations: [lake]
                  spec: {num_rows: 40, num_sub_rows: 2, page_size: 4}
                ---
                kind: destination
                spec:
                  name: lake
                  path: cloudquery/s3
                  write_mode: append
                  spec:
                    bucket: %s
                    region: us-east-1
                    endpoint: %s
                    use_path_style: true
                    path: "data/{{TABLE}}/{{UUID}}.{{FORMAT}}"
                    format: json
                    compression: gzip
                    batch_size: 10
                """.formatted(n, bucket, moto.endpoint()));
    }

    @AfterEach
    void close() {
        CrashPoints.clear();
        flow.close();
    }

    private Redelivery scaledRedelivery() {
        return (receiptHandle, delay) -> aws.sqs().changeMessageVisibility(r -> r.queueUrl(aws.workQueue().url())
                .receiptHandle(receiptHandle).visibilityTimeout(delay.isZero() ? 0 : 1));
    }

    @ParameterizedTest
    @EnumSource(CrashPoints.Point.class)
    void aProcessThatDiesAtAnyStepLeavesOneCopyOfEveryRowInTheBucket(CrashPoints.Point point) {
        AtomicBoolean died = CrashAt.install(point);
        Supplier<ServerlessContext> container = flow.container(clock);
        String runId = flow.start(container);
        EventSourceMapping work = flow.workMapping(new FetchHandler(container, this::scaledRedelivery));
        work.drain(200);
        flow.drainFinalize(container);
        assertThat(died).as("the crash happened").isTrue();

        clock.advance(Duration.ofMinutes(91));
        assertThat(work.visibilityTimeoutPassed()).as("the message of the invocation that died").isEqualTo(1);
        work.drain(200);
        flow.drainFinalize(container);
        assertOneCopyOfEveryRow(container, runId);
    }

    @Test
    void aWorkMessageDeliveredTwiceLeavesOneCopyOfEveryRow() {
        Supplier<ServerlessContext> container = flow.container(clock);
        String runId = flow.start(container);
        // SQS is at-least-once: copy every planned message, so each work item arrives twice
        List<String> bodies = new ArrayList<>();
        aws.sqs().receiveMessage(r -> r.queueUrl(aws.workQueue().url()).maxNumberOfMessages(10).visibilityTimeout(0))
                .messages().forEach(m -> bodies.add(m.body()));
        assertThat(bodies).isNotEmpty();
        bodies.forEach(b -> aws.sqs().sendMessage(r -> r.queueUrl(aws.workQueue().url()).messageBody(b)));
        EventSourceMapping work = flow.workMapping(new FetchHandler(container, this::scaledRedelivery));
        work.drain(200);
        flow.drainFinalize(container);
        assertOneCopyOfEveryRow(container, runId);
    }

    private void assertOneCopyOfEveryRow(Supplier<ServerlessContext> container, String runId) {
        RunRecord run = container.get().ledger().run(runId).orElseThrow();
        assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(rows("test_some_table")).hasSize(40).doesNotHaveDuplicates();
        assertThat(rows("test_sub_table")).hasSize(80).doesNotHaveDuplicates();
        assertThat(rows("test_incremental_table")).hasSize(40).doesNotHaveDuplicates();
        assertThat(s3.listMultipartUploads(r -> r.bucket(bucket)).uploads()).as("uploads in progress").isEmpty();
        assertThat(keys("")).allSatisfy(k -> assertThat(k).startsWith("data/").endsWith(".json.gz"));
    }

    /** The _cq_id of every row in every object of {@code table}. */
    private List<String> rows(String table) {
        List<String> ids = new ArrayList<>();
        for (String key : keys("data/" + table + "/")) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                    s3.getObject(r -> r.bucket(bucket).key(key), ResponseTransformer.toInputStream())), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    JsonNode row = JSON.readTree(line);
                    ids.add(row.path("_cq_id").asText());
                }
            } catch (IOException e) {
                throw new AssertionError(key + ": " + e.getMessage(), e);
            }
        }
        return ids;
    }

    /** Keys under {@code prefix}: the whole bucket listed and filtered (moto refuses a signed prefix holding a /). */
    private List<String> keys(String prefix) {
        Set<String> keys = new HashSet<>();
        s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream().map(S3Object::key)
                .filter(k -> k.startsWith(prefix)).forEach(keys::add);
        return new ArrayList<>(keys);
    }
}
