package dev.sluice.cli;

import dev.sluice.emulators.MotoServer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Issue 14's acceptance test through the {@code sluice} command (the shaded jar as a process, with
 * the default credentials in its environment): two accounts (the default credentials' own,
 * 123456789012, and 222222222222 through STS AssumeRole with an external id) and two regions on
 * moto_server. {@code plan} lists accounts × regions × tables work items (global tables once per
 * account); {@code sync} and {@code sync --emulate-aws} fill every table with exactly the
 * resources moto holds, in SQLite and PostgreSQL; after a queue and a user are deleted in moto, a sync
 * drops their rows; with the assumed account's eu-west-1 denied, that partition keeps its rows and
 * the others are delete-staled.
 */
class AwsSyncIT {
    private static final String MAIN = "123456789012";
    private static final String OTHER = "222222222222";
    private static final String ROLE = "arn:aws:iam::" + OTHER + ":role/sluice-reader";
    private static final String EXTERNAL_ID = "ext-14";
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");
    private static final List<String> GLOBAL = List.of("aws_iam_roles", "aws_iam_users", "aws_s3_buckets");
    private static final List<String> REGIONAL = List.of("aws_sqs_queues", "aws_dynamodb_tables", "aws_lambda_functions",
            "aws_ec2_instances", "aws_ec2_security_groups", "aws_ec2_vpcs", "aws_rds_instances");
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final AwsCredentialsProvider BASE = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private static MotoServer moto;
    private static StsClient sts;
    private static StsAssumeRoleCredentialsProvider other;

    @TempDir
    Path dir;

    @BeforeAll
    static void createResources() throws Exception {
        moto = MotoServer.start();
        sts = client(StsClient.builder(), "us-east-1", BASE);
        other = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                .refreshRequest(r -> r.roleArn(ROLE).roleSessionName("setup").externalId(EXTERNAL_ID)).build();
        create(BASE, "main");
        create(other, "other");
    }

    @AfterAll
    static void stop() {
        if (other != null) {
            other.close();
            sts.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    private static <C, B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>> C client(B builder, String region,
                                                                                              AwsCredentialsProvider credentials) {
        return builder.region(Region.of(region)).endpointOverride(moto.endpoint()).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** A few of each resource in the account, in each region; the IAM ones once. */
    private static void create(AwsCredentialsProvider credentials, String name) {
        String lambdaRole;
        try (IamClient iam = client(IamClient.builder(), "aws-global", credentials)) {
            lambdaRole = iam.createRole(r -> r.roleName(name + "-lambda").assumeRolePolicyDocument(TRUST)).role().arn();
            iam.createRole(r -> r.roleName(name + "-app").path("/app/").assumeRolePolicyDocument(TRUST));
            iam.createUser(r -> r.userName(name + "-alice"));
            iam.createUser(r -> r.userName(name + "-bob"));
        }
        SdkBytes zip = SdkBytes.fromByteArray(zip());
        for (String region : REGIONS) {
            String prefix = name + "-" + region;
            try (S3Client s3 = S3Client.builder().forcePathStyle(true).region(Region.of(region)).endpointOverride(moto.endpoint())
                    .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build()) {
                s3.createBucket(r -> {
                    r.bucket("sluice-" + prefix);
                    if (!region.equals("us-east-1")) {
                        r.createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(region)));
                    }
                });
            }
            try (SqsClient sqs = client(SqsClient.builder(), region, credentials)) {
                sqs.createQueue(r -> r.queueName(prefix + "-q1"));
                sqs.createQueue(r -> r.queueName(prefix + "-q2"));
            }
            try (DynamoDbClient ddb = client(DynamoDbClient.builder(), region, credentials)) {
                ddb.createTable(r -> r.tableName(prefix + "-t1").billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
            }
            try (LambdaClient lambda = client(LambdaClient.builder(), region, credentials)) {
                lambda.createFunction(r -> r.functionName(prefix + "-fn").runtime(Runtime.PYTHON3_12).role(lambdaRole)
                        .handler("app.handler").code(c -> c.zipFile(zip)));
            }
            try (Ec2Client ec2 = client(Ec2Client.builder(), region, credentials)) {
                String vpc = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
                ec2.createSecurityGroup(r -> r.groupName(prefix + "-sg").description("sluice").vpcId(vpc));
                ec2.runInstances(r -> r.imageId("ami-12c6146b").minCount(1).maxCount(1).instanceType(InstanceType.T3_MICRO));
            }
            try (RdsClient rds = client(RdsClient.builder(), region, credentials)) {
                rds.createDBInstance(r -> r.dbInstanceIdentifier(prefix + "-db").engine("postgres").dbInstanceClass("db.t3.micro")
                        .allocatedStorage(20).masterUsername("admin").masterUserPassword("secret-password-1"));
            }
        }
    }

    /** What moto holds now, listed through the SDK: per table, "account|arn" (global) or "account|region|arn". */
    private static Map<String, Set<String>> inMoto() {
        Map<String, Set<String>> all = new TreeMap<>();
        for (String t : GLOBAL) {
            all.put(t, new TreeSet<>());
        }
        for (String t : REGIONAL) {
            all.put(t, new TreeSet<>());
        }
        for (Map.Entry<String, AwsCredentialsProvider> account : Map.of(MAIN, BASE, OTHER, (AwsCredentialsProvider) other).entrySet()) {
            String acct = account.getKey();
            AwsCredentialsProvider creds = account.getValue();
            try (IamClient iam = client(IamClient.builder(), "aws-global", creds)) {
                iam.listRolesPaginator(r -> { }).roles().forEach(x -> all.get("aws_iam_roles").add(acct + "|" + x.arn()));
                iam.listUsersPaginator(r -> { }).users().forEach(x -> all.get("aws_iam_users").add(acct + "|" + x.arn()));
            }
            try (S3Client s3 = S3Client.builder().forcePathStyle(true).region(Region.US_EAST_1).endpointOverride(moto.endpoint())
                    .credentialsProvider(creds).httpClient(UrlConnectionHttpClient.create()).build()) {
                s3.listBuckets().buckets().forEach(b -> all.get("aws_s3_buckets").add(acct + "|arn:aws:s3:::" + b.name()));
            }
            for (String region : REGIONS) {
                String scope = acct + "|" + region + "|";
                try (SqsClient sqs = client(SqsClient.builder(), region, creds)) {
                    for (String url : sqs.listQueues().queueUrls()) {
                        all.get("aws_sqs_queues").add(scope + sqs.getQueueAttributes(r -> r.queueUrl(url)
                                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN));
                    }
                }
                try (DynamoDbClient ddb = client(DynamoDbClient.builder(), region, creds)) {
                    for (String t : ddb.listTablesPaginator(r -> { }).tableNames()) {
                        all.get("aws_dynamodb_tables").add(scope + ddb.describeTable(r -> r.tableName(t)).table().tableArn());
                    }
                }
                try (LambdaClient lambda = client(LambdaClient.builder(), region, creds)) {
                    lambda.listFunctionsPaginator(r -> { }).functions()
                            .forEach(f -> all.get("aws_lambda_functions").add(scope + f.functionArn()));
                }
                String ec2Arn = "arn:aws:ec2:" + region + ":" + acct + ":";
                try (Ec2Client ec2 = client(Ec2Client.builder(), region, creds)) {
                    ec2.describeInstancesPaginator(r -> { }).reservations().forEach(res -> res.instances()
                            .forEach(i -> all.get("aws_ec2_instances").add(scope + ec2Arn + "instance/" + i.instanceId())));
                    ec2.describeSecurityGroupsPaginator(r -> { }).securityGroups()
                            .forEach(g -> all.get("aws_ec2_security_groups").add(scope + ec2Arn + "security-group/" + g.groupId()));
                    ec2.describeVpcsPaginator(r -> { }).vpcs()
                            .forEach(v -> all.get("aws_ec2_vpcs").add(scope + ec2Arn + "vpc/" + v.vpcId()));
                }
                try (RdsClient rds = client(RdsClient.builder(), region, creds)) {
                    rds.describeDBInstancesPaginator(r -> { }).dbInstances()
                            .forEach(d -> all.get("aws_rds_instances").add(scope + d.dbInstanceArn()));
                }
            }
        }
        return all;
    }

    /** What the destination holds, in {@link #inMoto()}'s form. */
    private static Map<String, Set<String>> inDestination(Path db) throws SQLException {
        return inDestination("jdbc:sqlite:" + db);
    }

    private static Map<String, Set<String>> inDestination(ScratchPg pg) throws SQLException {
        return inDestination("jdbc:" + pg.url().replace("postgresql://postgres@", "postgresql://") + "?user=postgres");
    }

    private static Map<String, Set<String>> inDestination(String jdbcUrl) throws SQLException {
        Map<String, Set<String>> all = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            for (String t : GLOBAL) {
                all.put(t, rows(c, "SELECT account_id || '|' || arn FROM " + t));
            }
            for (String t : REGIONAL) {
                all.put(t, rows(c, "SELECT account_id || '|' || region || '|' || arn FROM " + t));
            }
        }
        return all;
    }

    private static Set<String> rows(Connection c, String sql) throws SQLException {
        Set<String> rows = new TreeSet<>();
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private Path config(Path db, ScratchPg pg, java.net.URI endpoint, String name) throws IOException {
        return Files.writeString(dir.resolve(name + ".yml"), """
                kind: source
                spec:
                  name: aws
                  path: cloudquery/aws
                  tables: ["aws_*"]
                  destinations: [sqlite, postgresql]
                  spec:
                    regions: [us-east-1, eu-west-1]
                    accounts:
                      - id: main
                      - id: other
                        role_arn: %s
                        external_id: %s
                    endpoint_url: %s
                    max_retries: 2
                    max_backoff: 1s
                ---
                kind: destination
                spec:
                  name: sqlite
                  path: cloudquery/sqlite
                  write_mode: overwrite-delete-stale
                  spec:
                    connection_string: %s
                ---
                kind: destination
                spec:
                  name: postgresql
                  path: cloudquery/postgresql
                  write_mode: overwrite-delete-stale
                  spec:
                    connection_string: %s
                """.formatted(ROLE, EXTERNAL_ID, endpoint, db, pg.url()));
    }

    @Test
    void planThenSyncLocallyAndServerlessGivesExactlyWhatMotoHolds() throws Exception {
        Path localDb = dir.resolve("local.sqlite");
        Path emulatedDb = dir.resolve("emulated.sqlite");
        try (ScratchPg localPg = new ScratchPg(); ScratchPg emulatedPg = new ScratchPg()) {
            syncs(localDb, localPg, emulatedDb, emulatedPg);
        }
    }

    private void syncs(Path localDb, ScratchPg localPg, Path emulatedDb, ScratchPg emulatedPg) throws Exception {
        Path localConfig = config(localDb, localPg, moto.endpoint(), "local");
        Path emulatedConfig = config(emulatedDb, emulatedPg, moto.endpoint(), "emulated");

        CliIT.Result plan = sluice("plan", localConfig.toString());
        assertThat(plan.code()).as(plan.err()).isZero();
        int items = GLOBAL.size() * 2 + REGIONAL.size() * 2 * REGIONS.size();
        assertThat(plan.out()).contains("source aws: " + items + " work item(s)");
        List<String> lines = plan.out().lines().filter(l -> l.startsWith("  aws_")).toList();
        assertThat(lines).hasSize(items).doesNotHaveDuplicates();
        assertThat(lines).contains("  aws_iam_roles [partition us-east-1/main]", "  aws_iam_roles [partition us-east-1/other]",
                "  aws_s3_buckets [partition us-east-1/other]", "  aws_sqs_queues [partition eu-west-1/other]",
                "  aws_rds_instances [partition us-east-1/main]", "  aws_ec2_vpcs [partition eu-west-1/main]");
        assertThat(lines).noneMatch(l -> l.startsWith("  aws_iam_users [partition eu-west-1"));

        Map<String, Set<String>> expected = inMoto();
        assertThat(expected.get("aws_sqs_queues")).hasSize(8);
        assertThat(expected.get("aws_iam_users")).hasSize(4);
        assertThat(expected.get("aws_rds_instances")).hasSize(4);
        syncBoth(localConfig, emulatedConfig);
        assertThat(inDestination(localDb)).as("local sync").isEqualTo(expected);
        assertThat(inDestination(localPg)).as("local sync, PostgreSQL").isEqualTo(expected);
        assertThat(inDestination(emulatedDb)).as("serverless flow").isEqualTo(expected);
        assertThat(inDestination(emulatedPg)).as("serverless flow, PostgreSQL").isEqualTo(expected);

        // a queue of the assumed account in one region and a user of the default account go away in moto
        String queueUrl;
        try (SqsClient sqs = client(SqsClient.builder(), "eu-west-1", other)) {
            queueUrl = sqs.getQueueUrl(r -> r.queueName("other-eu-west-1-q1")).queueUrl();
            sqs.deleteQueue(r -> r.queueUrl(queueUrl));
        }
        try (IamClient iam = client(IamClient.builder(), "aws-global", BASE)) {
            iam.deleteUser(r -> r.userName("main-bob"));
        }
        Map<String, Set<String>> after = inMoto();
        assertThat(after.get("aws_sqs_queues")).hasSize(7)
                .noneMatch(q -> q.endsWith(":sqs:eu-west-1:" + OTHER + ":other-eu-west-1-q1"));
        assertThat(after.get("aws_iam_users")).hasSize(3).noneMatch(u -> u.endsWith(":user/main-bob"));
        syncBoth(localConfig, emulatedConfig);
        assertThat(inDestination(localDb)).as("local sync after deletes").isEqualTo(after);
        assertThat(inDestination(localPg)).as("local sync after deletes, PostgreSQL").isEqualTo(after);
        assertThat(inDestination(emulatedDb)).as("serverless flow after deletes").isEqualTo(after);
        assertThat(inDestination(emulatedPg)).as("serverless flow after deletes, PostgreSQL").isEqualTo(after);

        // the assumed account's eu-west-1 is denied (a proxy answers 403 AccessDenied to its calls) while a
        // queue goes away there and one in the default account's eu-west-1: only the latter's row goes
        try (SqsClient sqs = client(SqsClient.builder(), "eu-west-1", other)) {
            sqs.deleteQueue(r -> r.queueUrl(sqs.getQueueUrl(q -> q.queueName("other-eu-west-1-q2")).queueUrl()));
        }
        try (SqsClient sqs = client(SqsClient.builder(), "eu-west-1", BASE)) {
            sqs.deleteQueue(r -> r.queueUrl(sqs.getQueueUrl(q -> q.queueName("main-eu-west-1-q2")).queueUrl()));
        }
        Map<String, Set<String>> expected3 = inMoto();
        String deniedScope = OTHER + "|eu-west-1|";
        for (String t : REGIONAL) {
            expected3.get(t).removeIf(r -> r.startsWith(deniedScope));
            after.get(t).stream().filter(r -> r.startsWith(deniedScope)).forEach(expected3.get(t)::add);
        }
        assertThat(expected3.get("aws_sqs_queues")).hasSize(6)
                .anyMatch(q -> q.endsWith(":sqs:eu-west-1:" + OTHER + ":other-eu-west-1-q2"))
                .noneMatch(q -> q.endsWith(":sqs:eu-west-1:" + MAIN + ":main-eu-west-1-q2"));
        try (DenyingAwsProxy proxy = new DenyingAwsProxy(moto.endpoint(),
                (key, region) -> !key.equals("test") && region.equals("eu-west-1"))) {
            for (Path db : List.of(localDb, emulatedDb)) {
                boolean emulate = db.equals(emulatedDb);
                ScratchPg pg = emulate ? emulatedPg : localPg;
                Path denied = config(db, pg, proxy.endpoint(), "denied-" + (emulate ? "emulated" : "local"));
                CliIT.Result r = emulate ? sluice("sync", "--emulate-aws", denied.toString()) : sluice("sync", denied.toString());
                assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
                assertThat(r.out()).as(r.out() + r.err()).contains("source aws -> sqlite, postgresql: PARTIAL")
                        .contains("access denied (table aws_sqs_queues, account other, region eu-west-1)");
                assertThat(inDestination(db)).as(emulate ? "serverless flow, a region denied" : "local sync, a region denied")
                        .isEqualTo(expected3);
                assertThat(inDestination(pg)).as(emulate ? "serverless flow, a region denied, PostgreSQL"
                        : "local sync, a region denied, PostgreSQL").isEqualTo(expected3);
            }
            assertThat(proxy.denied()).isPositive();
        }
    }

    private void syncBoth(Path localConfig, Path emulatedConfig) throws Exception {
        CliIT.Result local = sluice("sync", localConfig.toString());
        assertThat(local.code()).as(local.out() + local.err()).isZero();
        assertThat(local.out()).contains("source aws -> sqlite, postgresql: SUCCEEDED");
        CliIT.Result emulated = sluice("sync", "--emulate-aws", emulatedConfig.toString());
        assertThat(emulated.code()).as(emulated.out() + emulated.err()).isZero();
        assertThat(emulated.out()).contains("source aws -> sqlite, postgresql: SUCCEEDED");
        assertThat(emulated.err()).contains("finalizer: run ");
    }

    /** The shaded jar as a process, its default credentials (account 123456789012 in moto) in its environment only. */
    private CliIT.Result sluice(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JarRun.javaBinary(), "-jar", JarRun.jar().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_CONFIG_FILE", dir.resolve("no-aws-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-aws-credentials").toString());
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("sluice " + String.join(" ", args) + " did not end in 300 s");
        }
        return new CliIT.Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("app.py"));
            z.write("def handler(event, context):\n    return event\n".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
