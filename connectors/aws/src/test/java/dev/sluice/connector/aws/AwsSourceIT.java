package dev.sluice.connector.aws;

import dev.sluice.emulators.MotoServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.spi.FetchRequest;
import dev.sluice.spi.Page;
import dev.sluice.spi.Spec;
import dev.sluice.spi.Table;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The AWS source against moto_server: two accounts (the default credentials' own, 123456789012,
 * and 222222222222 through STS AssumeRole with an external id), two regions, more than one page
 * of roles, users and buckets in each; every row read is compared with what the test created.
 */
class AwsSourceIT {
    private static final String MAIN = "123456789012";
    private static final String OTHER = "222222222222";
    private static final String ROLE = "arn:aws:iam::" + OTHER + ":role/sluice-reader";
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
            + "\"Principal\":\"*\",\"Action\":\"s3:DeleteBucket\",\"Resource\":\"arn:aws:s3:::%s\"}]}";
    private static final AwsCredentialsProvider BASE = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private static MotoServer moto;
    private static final Set<String> expectedRoles = new HashSet<>();
    private static final Set<String> expectedUsers = new HashSet<>();
    private static final Set<String> expectedBuckets = new HashSet<>();

    @BeforeAll
    static void createResources() {
        moto = MotoServer.start();
        try (StsClient sts = StsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(BASE).build();
             StsAssumeRoleCredentialsProvider other = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                     .refreshRequest(r -> r.roleArn(ROLE).roleSessionName("setup").externalId("ext-1")).build()) {
            create(BASE, MAIN, 12, 11, List.of("main-a", "main-b", "main-c"), List.of("main-x", "main-y"));
            create(other, OTHER, 7, 6, List.of("other-a", "other-b"), List.of("other-x", "other-y"));
        }
    }

    @AfterAll
    static void stop() {
        if (moto != null) {
            moto.close();
        }
    }

    private static void create(AwsCredentialsProvider credentials, String account, int roles, int users,
                               List<String> usEast, List<String> euWest) {
        try (IamClient iam = IamClient.builder().endpointOverride(moto.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials).build()) {
            for (int i = 0; i < roles; i++) {
                String name = "role-" + i;
                String path = i % 2 == 0 ? "/" : "/app/";
                iam.createRole(r -> r.roleName(name).path(path).assumeRolePolicyDocument(TRUST).description("role " + name)
                        .maxSessionDuration(3600 + 60 * name.length()).tags(Tag.builder().key("team").value(name).build()));
                expectedRoles.add(String.join("|", account, "arn:aws:iam::" + account + ":role" + path + name, name, path,
                        "role " + name, Long.toString(3600 + 60 * name.length()), "{\"team\":\"" + name + "\"}", TRUST));
            }
            for (int i = 0; i < users; i++) {
                String name = "user-" + i;
                iam.createUser(r -> r.userName(name).tags(Tag.builder().key("k").value("v" + name).build()));
                expectedUsers.add(String.join("|", account, "arn:aws:iam::" + account + ":user/" + name, name, "/",
                        "{\"k\":\"v" + name + "\"}"));
            }
        }
        for (String region : List.of("us-east-1", "eu-west-1")) {
            try (S3Client s3 = S3Client.builder().endpointOverride(moto.endpoint()).forcePathStyle(true)
                    .region(Region.of(region)).credentialsProvider(credentials).build()) {
                List<String> names = region.equals("us-east-1") ? usEast : euWest;
                for (int i = 0; i < names.size(); i++) {
                    String bucket = "sluice-" + names.get(i);
                    s3.createBucket(r -> {
                        r.bucket(bucket);
                        if (!region.equals("us-east-1")) {
                            r.createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(region)));
                        }
                    });
                    boolean full = i % 2 == 0;
                    if (full) {
                        s3.putBucketPolicy(r -> r.bucket(bucket).policy(POLICY.formatted(bucket)));
                        s3.putBucketEncryption(r -> r.bucket(bucket).serverSideEncryptionConfiguration(c -> c.rules(
                                rule -> rule.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256)))));
                        s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
                    }
                    expectedBuckets.add(String.join("|", account, "arn:aws:s3:::" + bucket, bucket, region,
                            full ? POLICY.formatted(bucket) : "null", full ? "Enabled" : "null", full ? "AES256" : "null"));
                }
            }
        }
    }

    private static AwsSourceConfig config() {
        return AwsSourceConfig.parse(new Spec(Map.of(
                "regions", List.of("us-east-1", "eu-west-1"),
                "accounts", List.of(Map.of("id", "main"), Map.of("id", "other", "role_arn", ROLE, "external_id", "ext-1")),
                "endpoint_url", moto.endpoint().toString(),
                "max_retries", 2,
                "max_backoff", "1s")));
    }

    private static AwsSource source(AwsCredentialsProvider credentials) {
        return new AwsSource(config(), credentials, List.of(new IamRolesTable(5), new IamUsersTable(4), new S3BucketsTable(2),
                new ScopeTable()));
    }

    @Test
    void syncsEveryRoleOfBothAccountsPageByPage() {
        try (AwsSource source = source(BASE)) {
            Table table = table(source, IamRolesTable.NAME);
            assertThat(source.partitions(table)).containsExactly("us-east-1/main", "us-east-1/other");
            Drained drained = drain(source, table);
            assertThat(drained.pages).isGreaterThan(4);
            assertThat(drained.rows).allSatisfy(r -> assertThat(r[4]).isNotNull());
            assertThat(drained.rows).extracting(r -> String.join("|", (String) r[0], (String) r[1], (String) r[7], (String) r[5],
                    (String) r[8], String.valueOf(r[9]), (String) r[3], (String) r[2]))
                    .containsExactlyInAnyOrderElementsOf(expectedRoles);
        }
    }

    @Test
    void syncsEveryUserOfBothAccountsPageByPage() {
        try (AwsSource source = source(BASE)) {
            Drained drained = drain(source, table(source, IamUsersTable.NAME));
            // moto's ListUsers ignores MaxItems (never truncates): IamUsersTableTest pages with a fake IAM
            assertThat(drained.pages).isEqualTo(2);
            assertThat(drained.rows).extracting(r -> String.join("|", (String) r[0], (String) r[1], (String) r[6], (String) r[4],
                    (String) r[2])).containsExactlyInAnyOrderElementsOf(expectedUsers);
            assertThat(drained.rows).allSatisfy(r -> assertThat(r[3]).isNotNull());
        }
    }

    @Test
    void syncsEveryBucketWithItsRegionPolicyVersioningAndEncryption() {
        try (AwsSource source = source(BASE)) {
            Drained drained = drain(source, table(source, S3BucketsTable.NAME));
            assertThat(drained.pages).isEqualTo(3 + 2);
            assertThat(drained.rows).extracting(r -> String.join("|", (String) r[0], (String) r[1], (String) r[3], (String) r[4],
                    String.valueOf(r[5]), String.valueOf(r[6]),
                    r[8] == null ? "null" : ((String) r[8]).contains("\"SSEAlgorithm\":\"AES256\"") ? "AES256" : (String) r[8]))
                    .containsExactlyInAnyOrderElementsOf(expectedBuckets);
        }
    }

    @Test
    void aRegionalTableHasAPartitionPerAccountAndRegion() {
        try (AwsSource source = source(BASE)) {
            Table table = table(source, ScopeTable.NAME);
            assertThat(source.partitions(table))
                    .containsExactly("us-east-1/main", "eu-west-1/main", "us-east-1/other", "eu-west-1/other");
            assertThat(drain(source, table).rows).extracting(r -> r[0] + "/" + r[1])
                    .containsExactlyInAnyOrder(MAIN + "/us-east-1", MAIN + "/eu-west-1", OTHER + "/us-east-1", OTHER + "/eu-west-1");
        }
    }

    @Test
    void aResumeTokenContinuesWhereThePageStopped() {
        try (AwsSource source = source(BASE)) {
            Table table = table(source, IamRolesTable.NAME);
            Page first = source.fetch(new FetchRequest(table, "us-east-1/main", Optional.empty(), Optional.empty()));
            assertThat(first.nextToken()).isPresent();
            Page again = source.fetch(new FetchRequest(table, "us-east-1/main", first.nextToken(), Optional.empty()));
            Page twice = source.fetch(new FetchRequest(table, "us-east-1/main", first.nextToken(), Optional.empty()));
            assertThat(again.rows()).extracting(r -> (String) r[1]).containsExactlyElementsOf(
                    twice.rows().stream().map(r -> (String) r[1]).toList());
            assertThat(again.rows()).extracting(r -> (String) r[1])
                    .doesNotContainAnyElementsOf(first.rows().stream().map(r -> (String) r[1]).toList());
        }
    }

    record Drained(List<Object[]> rows, int pages) {
    }

    static Drained drain(AwsSource source, Table table) {
        List<Object[]> rows = new ArrayList<>();
        int pages = 0;
        for (String partition : source.partitions(table)) {
            Optional<String> token = Optional.empty();
            do {
                Page page = source.fetch(new FetchRequest(table, partition, token, Optional.empty()));
                page.rows().forEach(r -> {
                    for (int i = 0; i < r.length; i++) {
                        assertThat(table.columns().get(i).type().accepts(r[i])).as(table.columns().get(i).name()).isTrue();
                    }
                });
                rows.addAll(page.rows());
                pages++;
                token = page.nextToken();
            } while (token.isPresent());
        }
        return new Drained(rows, pages);
    }

    static Table table(AwsSource source, String name) {
        return source.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    static URI endpoint() {
        return moto.endpoint();
    }
}
