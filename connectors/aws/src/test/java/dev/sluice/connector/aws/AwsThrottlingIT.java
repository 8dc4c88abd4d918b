package dev.sluice.connector.aws;

import dev.sluice.emulators.MotoServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.connector.aws.FaultyAwsProxy.Fault;
import dev.sluice.spi.FetchRequest;
import dev.sluice.spi.Spec;
import dev.sluice.spi.Table;
import dev.sluice.spi.TransientException;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * Throttling and server errors through a fault-injecting proxy in front of moto, each in its
 * service's own wire format (IAM's query XML {@code Throttling}, EC2's {@code RequestLimitExceeded},
 * SQS's and DynamoDB's JSON {@code ThrottlingException}, HTTP 500 and 503): the SDK retries them
 * within {@code max_retries}, waiting at most {@code max_backoff} each time, and every row
 * arrives; past {@code max_retries} the fetch fails retryable, naming the table, account, region
 * and AWS's error, and no credential.
 */
class AwsThrottlingIT {
    private static final String REGION = "us-east-1";
    private static final String PARTITION = REGION + "/main";
    private static final String KEY_ID = "AKIATHROTTLETEST0001";
    private static final String SECRET = "throttle-test-secret-key-0123456789abcdef";
    private static final AwsCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create(KEY_ID, SECRET));
    private static final Duration MAX_BACKOFF = Duration.ofMillis(200);

    private static MotoServer moto;
    private static final Set<String> roles = new HashSet<>();
    private static final Set<String> queues = new HashSet<>();
    private static final Set<String> dynamoTables = new HashSet<>();
    private static final Set<String> vpcs = new HashSet<>();

    @BeforeAll
    static void createResources() {
        moto = MotoServer.start();
        try (MotoClients clients = new MotoClients(moto, REGION)) {
            for (int i = 0; i < 7; i++) {
                String name = "throttled-role-" + i;
                clients.iam().createRole(r -> r.roleName(name).assumeRolePolicyDocument("{}"));
                roles.add(name);
            }
            for (int i = 0; i < 3; i++) {
                String name = "throttled-q" + i;
                queues.add(clients.sqs().createQueue(r -> r.queueName(name)).queueUrl());
            }
            for (int i = 0; i < 3; i++) {
                String name = "throttled-t" + i;
                clients.dynamodb().createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
                dynamoTables.add(name);
            }
            clients.ec2().createVpc(r -> r.cidrBlock("10.42.0.0/16"));
            clients.ec2().describeVpcs().vpcs().stream().map(Vpc::vpcId).forEach(vpcs::add);
        }
    }

    @AfterAll
    static void stop() {
        if (moto != null) {
            moto.close();
        }
    }

    private static AwsSource source(FaultyAwsProxy proxy, int maxRetries) {
        AwsSourceConfig config = AwsSourceConfig.parse(new Spec(Map.of(
                "regions", List.of(REGION),
                "accounts", List.of(Map.of("id", "main")),
                "endpoint_url", proxy.endpoint().toString(),
                "max_retries", maxRetries,
                "max_backoff", MAX_BACKOFF.toMillis() + "ms")));
        return new AwsSource(config, CREDENTIALS, List.of(new IamRolesTable(5), new SqsQueues(2), new DynamoDbTables(2),
                new Ec2Vpcs()));
    }

    private static Set<String> column(AwsSource source, String table, String column) {
        Table t = AwsSourceIT.table(source, table);
        return AwsSourceIT.drain(source, t).rows().stream().map(r -> String.valueOf(r[t.columnIndex(column)]))
                .collect(Collectors.toSet());
    }

    private static Map<String, Set<String>> readAll(AwsSource source) {
        return Map.of(
                "roles", column(source, IamRolesTable.NAME, "role_name"),
                "queues", column(source, "aws_sqs_queues", "url"),
                "dynamodb", column(source, "aws_dynamodb_tables", "table_name"),
                "vpcs", column(source, "aws_ec2_vpcs", "vpc_id"));
    }

    @Test
    void throttlingAndServerErrorsAreRetriedWithinMaxBackoffAndEveryRowArrives() throws IOException {
        Map<String, Set<String>> expected = Map.of("roles", roles, "queues", queues, "dynamodb", dynamoTables, "vpcs", vpcs);
        long baseline;
        try (FaultyAwsProxy proxy = new FaultyAwsProxy(moto.endpoint()); AwsSource source = source(proxy, 4)) {
            readAll(source); // warm up: clients, STS, moto's first answers
            long start = System.nanoTime();
            assertThat(readAll(source)).isEqualTo(expected);
            baseline = System.nanoTime() - start;
            assertThat(proxy.injected()).isZero();
        }
        try (FaultyAwsProxy proxy = new FaultyAwsProxy(moto.endpoint()); AwsSource source = source(proxy, 4)) {
            readAll(source); // the same warm-up, then the faults
            int passedBefore = proxy.passed("iam:ListRoles");
            proxy.fail("iam:ListRoles", 3, Fault.query(400, "Throttling"))
                    .fail("sqs:ListQueues", 2, Fault.json(400, "com.amazonaws.sqs#ThrottlingException"))
                    .fail("sqs:ListQueues", 1, Fault.json(503, "com.amazonaws.sqs#ServiceUnavailable"))
                    .fail("sqs:GetQueueAttributes", 2, new Fault(500, "text/plain", ""))
                    .fail("dynamodb:ListTables", 2, Fault.json(400, "com.amazonaws.dynamodb.v20120810#ThrottlingException"))
                    .fail("dynamodb:ListTables", 1, Fault.json(400,
                            "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException"))
                    .fail("ec2:DescribeVpcs", 3, Fault.ec2(503, "RequestLimitExceeded"));
            int injected = 3 + 3 + 2 + 3 + 3;
            long start = System.nanoTime();
            assertThat(readAll(source)).isEqualTo(expected);
            long elapsed = System.nanoTime() - start;

            assertThat(proxy.injected()).isEqualTo(injected);
            // every injected error was answered, then the call passed once per page (or queue)
            assertThat(proxy.injected("iam:ListRoles")).isEqualTo(3);
            assertThat(proxy.passed("iam:ListRoles") - passedBefore).isEqualTo(2); // 7 roles, 5 a page
            assertThat(proxy.injected("sqs:ListQueues")).isEqualTo(3);
            assertThat(proxy.injected("sqs:GetQueueAttributes")).isEqualTo(2);
            assertThat(proxy.injected("dynamodb:ListTables")).isEqualTo(3);
            assertThat(proxy.injected("ec2:DescribeVpcs")).isEqualTo(3);
            // each wait is at most max_backoff: the faults cost no more than that per retry
            Duration allowed = Duration.ofNanos(baseline).plus(MAX_BACKOFF.multipliedBy(injected)).plusSeconds(2);
            assertThat(Duration.ofNanos(elapsed)).as("read with %s errors (baseline %s ms)", injected, baseline / 1_000_000)
                    .isLessThan(allowed);
        }
    }

    @Test
    void throttlingPastMaxRetriesFailsRetryableNamingTheTableAccountRegionAndCode() throws IOException {
        try (FaultyAwsProxy proxy = new FaultyAwsProxy(moto.endpoint()); AwsSource source = source(proxy, 1)) {
            proxy.fail("iam:ListRoles", 3, Fault.query(400, "Throttling"));
            Table table = AwsSourceIT.table(source, IamRolesTable.NAME);
            assertThatThrownBy(() -> source.fetch(new FetchRequest(table, PARTITION, Optional.empty(), Optional.empty())))
                    .isInstanceOf(TransientException.class)
                    .satisfies(e -> assertThat(((TransientException) e).retryable()).isTrue())
                    .hasMessageContaining("table aws_iam_roles")
                    .hasMessageContaining("account main")
                    .hasMessageContaining("region us-east-1")
                    .hasMessageContaining("Throttling")
                    .message().doesNotContain(KEY_ID, SECRET, "Signature", "Credential", "X-Amz");
            assertThat(proxy.injected("iam:ListRoles")).isEqualTo(2); // the first attempt and one retry
            assertThat(proxy.passed("iam:ListRoles")).isZero();

            // the engine's retry of the work item: the third fault, then moto
            assertThat(AwsSourceIT.drain(source, table).rows()).hasSize(roles.size());
            assertThat(proxy.injected("iam:ListRoles")).isEqualTo(3);
        }
    }

    @Test
    void jsonThrottlingEc2ThrottlingAndServerErrorsPastMaxRetriesFailRetryableWithWhatAwsSaid() throws IOException {
        try (FaultyAwsProxy proxy = new FaultyAwsProxy(moto.endpoint()); AwsSource source = source(proxy, 2)) {
            proxy.fail("sqs:ListQueues", 3, Fault.json(400, "com.amazonaws.sqs#ThrottlingException"))
                    .fail("ec2:DescribeVpcs", 3, Fault.ec2(503, "RequestLimitExceeded"))
                    .fail("dynamodb:ListTables", 3, new Fault(500, "text/plain", ""));
            Map<String, String> said = Map.of("aws_sqs_queues", "ThrottlingException: Rate exceeded",
                    "aws_ec2_vpcs", "RequestLimitExceeded: Request limit exceeded",
                    "aws_dynamodb_tables", "HTTP 500: (no message)");
            for (String name : List.of("aws_sqs_queues", "aws_ec2_vpcs", "aws_dynamodb_tables")) {
                Table table = AwsSourceIT.table(source, name);
                assertThatThrownBy(() -> source.fetch(new FetchRequest(table, PARTITION, Optional.empty(), Optional.empty())))
                        .as(name)
                        .isInstanceOf(TransientException.class)
                        .hasMessageContaining("table " + name)
                        .hasMessageContaining("account main")
                        .hasMessageContaining("region us-east-1")
                        .hasMessageContaining(said.get(name))
                        .message().doesNotContain(KEY_ID, SECRET, "Signature", "Credential", "X-Amz");
            }
            assertThat(proxy.injected("sqs:ListQueues")).isEqualTo(3);
            assertThat(proxy.injected("ec2:DescribeVpcs")).isEqualTo(3);
            assertThat(proxy.injected("dynamodb:ListTables")).isEqualTo(3);
            assertThat(proxy.passed("sqs:ListQueues") + proxy.passed("ec2:DescribeVpcs") + proxy.passed("dynamodb:ListTables"))
                    .isZero();
        }
    }
}
