package dev.sluice.files.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.emulators.MotoServer;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.TransientException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * moto enforcing IAM: a writer allowed exactly s3:PutObject, s3:AbortMultipartUpload and
 * s3:DeleteObject on the bucket's objects does everything S3Store does; a caller without one
 * of them gets an error naming the IAM action and the object's ARN, and no secret.
 */
class S3StoreAccessDeniedIT {
    private static final String BUCKET = "sluice-iam";
    private static final int PART = S3Store.MIN_PART_SIZE;

    private static MotoServer moto;
    private static AccessKey admin;
    private static AccessKey writer;
    private static AccessKey reader;
    private static AccessKey noDelete;
    private static AccessKey noAbort;

    @BeforeAll
    static void usersAndPolicies() {
        moto = MotoServer.start();
        try (IamClient iam = IamClient.builder().endpointOverride(moto.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(S3StoreIT.TESTING).build();
             S3Client s3 = S3StoreIT.client(moto.endpoint())) {
            s3.createBucket(r -> r.bucket(BUCKET));
            admin = user(iam, "admin", List.of("s3:*"));
            writer = user(iam, "writer", List.of("s3:PutObject", "s3:AbortMultipartUpload", "s3:DeleteObject"));
            reader = user(iam, "reader", List.of("s3:GetObject", "s3:ListBucket"));
            noDelete = user(iam, "no-delete", List.of("s3:PutObject"));
            noAbort = user(iam, "no-abort", List.of("s3:PutObject"));
        }
        moto.enforceIam();
    }

    @AfterAll
    static void stopMoto() {
        moto.close();
    }

    @Test
    void theThreeActionsSufficeForPutMultipartAbortAndProbe() throws Exception {
        try (S3Store store = store(writer)) {
            Upload small = store.begin("w/small");
            small.stream().write(new byte[10]);
            small.complete();
            Upload big = store.begin("w/big");
            big.stream().write(new byte[PART * 2 + 1]);
            big.complete();
            Upload aborted = store.begin("w/aborted");
            aborted.stream().write(new byte[PART + 1]);
            aborted.abort();
            store.probe("w/.probe");
        }
        assertThat(keys("w/")).containsExactly("w/big", "w/small");
        assertThat(inProgressUploads("w/")).isZero();
    }

    @Test
    void aCallerWithoutPutObjectIsToldTheActionAndTheObject() throws Exception {
        try (S3Store store = store(reader)) {
            Upload small = store.begin("r/x.csv");
            small.stream().write(1);
            assertThatThrownBy(small::complete).isInstanceOf(ConnectorException.class)
                    .isNotInstanceOf(TransientException.class)
                    .hasMessageContaining("cannot write s3://" + BUCKET + "/r/x.csv")
                    .hasMessageContaining("access denied: s3:PutObject on arn:aws:s3:::" + BUCKET + "/r/x.csv")
                    .hasMessageContaining("(PutObject: AccessDenied")
                    .message().doesNotContain(reader.secretAccessKey());
            Upload big = store.begin("r/big");
            assertThatThrownBy(() -> big.stream().write(new byte[PART + 1]))
                    .hasMessageContaining("access denied: s3:PutObject on arn:aws:s3:::" + BUCKET + "/r/big")
                    .hasMessageContaining("CreateMultipartUpload");
            assertThatThrownBy(() -> store.probe("r/.probe"))
                    .hasMessageContaining("access denied: s3:PutObject on arn:aws:s3:::" + BUCKET + "/r/.probe");
        }
        assertThat(keys("r/")).isEmpty();
    }

    @Test
    void aProbeWithoutDeleteObjectSaysSoAndWhatItLeft() {
        try (S3Store store = store(noDelete)) {
            assertThatThrownBy(() -> store.probe("d/.probe")).isInstanceOf(ConnectorException.class)
                    .hasMessageContaining("wrote the probe object but cannot delete s3://" + BUCKET + "/d/.probe")
                    .hasMessageContaining("access denied: s3:DeleteObject on arn:aws:s3:::" + BUCKET + "/d/.probe");
        }
        assertThat(keys("d/")).containsExactly("d/.probe");
    }

    @Test
    void anAbortThatIsDeniedDoesNotThrowAndLeavesTheUploadForALifecycleRule() throws Exception {
        try (S3Store store = store(noAbort)) {
            Upload big = store.begin("a/big");
            big.stream().write(new byte[PART + 1]);
            big.abort();
        }
        assertThat(keys("a/")).isEmpty();
        assertThat(inProgressUploads("a/")).isEqualTo(1);
    }

    private static AccessKey user(IamClient iam, String name, List<String> actions) {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":["
                + String.join(",", actions.stream().map(a -> "\"" + a + "\"").toList())
                + "],\"Resource\":[\"arn:aws:s3:::" + BUCKET + "\",\"arn:aws:s3:::" + BUCKET + "/*\"]}]}";
        iam.createUser(r -> r.userName(name));
        iam.putUserPolicy(r -> r.userName(name).policyName(name).policyDocument(policy));
        return iam.createAccessKey(r -> r.userName(name)).accessKey();
    }

    private static S3Store store(AccessKey key) {
        S3Settings settings = new S3Settings(BUCKET, "us-east-1", Optional.of(moto.endpoint()), true);
        return new S3Store(S3Clients.builder(settings).credentialsProvider(credentials(key)).build(), BUCKET, PART);
    }

    private static StaticCredentialsProvider credentials(AccessKey key) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
    }

    private static List<String> keys(String prefix) {
        try (S3Client s3 = S3Clients.builder(new S3Settings(BUCKET, "us-east-1", Optional.of(moto.endpoint()), true))
                .credentialsProvider(credentials(admin)).build()) {
            // moto answers a signed ListObjectsV2 with a prefix containing '/' with SignatureDoesNotMatch
            return s3.listObjectsV2(r -> r.bucket(BUCKET)).contents().stream().map(S3Object::key)
                    .filter(k -> k.startsWith(prefix)).sorted().toList();
        }
    }

    private static int inProgressUploads(String prefix) {
        try (S3Client s3 = S3Clients.builder(new S3Settings(BUCKET, "us-east-1", Optional.of(moto.endpoint()), true))
                .credentialsProvider(credentials(admin)).build()) {
            return (int) s3.listMultipartUploads(r -> r.bucket(BUCKET)).uploads().stream().filter(u -> u.key().startsWith(prefix)).count();
        }
    }
}
