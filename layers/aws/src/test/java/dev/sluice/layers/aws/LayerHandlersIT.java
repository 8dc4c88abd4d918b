package dev.sluice.layers.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.emulators.LocalAws;
import dev.sluice.emulators.MotoServer;
import dev.sluice.emulators.lambda.EventSourceMapping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The deployed functions run the aws source from the layer: the real planner, fetch and finalizer
 * handlers, each in a fresh JVM built through its no-arg constructor as Lambda builds it, with
 * exactly the function jar and the layer's jars on the classpath, sync every table of the source
 * from moto_server into PostgreSQL (so every SDK client the source uses is built and called once;
 * DynamoDB and SQS on dynalite and ElasticMQ), aws_ec2_vpcs compared row by row with moto's VPCs;
 * without the layer the planner refuses the config. Needs node (dynalite), moto_server and PostgreSQL on 127.0.0.1:5432.
 */
class LayerHandlersIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void plannerFetchAndFinalizerSyncEveryAwsTableWithTheFunctionJarAndTheLayerOnly(@TempDir Path work) throws Exception {
        String database = "sluice_layer_" + System.nanoTime();
        execute("postgres", "CREATE DATABASE " + database);
        try (LocalAws aws = LocalAws.start(); MotoServer moto = MotoServer.start();
             Ec2Client ec2 = Ec2Client.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("sluice-local", "sluice-local")))
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            ec2.createVpc(r -> r.cidrBlock("10.42.0.0/16"));
            Set<String> vpcs = ec2.describeVpcs().vpcs().stream().map(Vpc::vpcId).collect(Collectors.toCollection(TreeSet::new));
            assertThat(vpcs).hasSizeGreaterThanOrEqualTo(2); // moto's default VPC and ours

            Path config = work.resolve("sluice.yml");
            Files.writeString(config, """
                    kind: source
                    spec:
                      name: inventory
                      path: cloudquery/aws
                      tables: ["*"]
                      destinations: [pg]
                      spec:
                        regions: [us-east-1]
                        endpoint_url: "%s"
                    ---
                    kind: destination
                    spec:
                      name: pg
                      path: cloudquery/postgresql
                      write_mode: overwrite-delete-stale
                      spec: {connection_string: "postgresql://postgres@127.0.0.1:5432/%s"}
                    """.formatted(moto.endpoint(), database));
            Map<String, String> env = new HashMap<>();
            env.put("PATH", System.getenv("PATH"));
            env.put("SLUICE_CONFIG", config.toString());
            env.put("SLUICE_RUNS_TABLE", aws.runsTable());
            env.put("SLUICE_CURSORS_TABLE", aws.cursorsTable());
            env.put("SLUICE_WORK_QUEUE_URL", aws.workQueue().url());
            env.put("SLUICE_FINALIZE_QUEUE_URL", aws.finalizeQueue().url());
            env.put("SLUICE_PRIME", "off");
            env.put("AWS_REGION", "us-east-1");
            env.put("AWS_ACCESS_KEY_ID", "sluice-local");
            env.put("AWS_SECRET_ACCESS_KEY", "sluice-local");
            env.put("AWS_ENDPOINT_URL_DYNAMODB", aws.dynamoEndpoint().toString());
            env.put("AWS_ENDPOINT_URL_SQS", aws.sqsEndpoint().toString());
            Path runner = LambdaClasspath.runner(work);
            Path start = Files.writeString(work.resolve("start.json"), "{}");

            LambdaClasspath.Outcome without = LambdaClasspath.invoke(LambdaClasspath.classpath(false, runner),
                    "dev.sluice.functions.PlannerHandler", start, env, work);
            assertThat(without.stdout() + without.stderr()).as("the planner without the layer").contains("is not a built-in connector");

            String cp = LambdaClasspath.classpath(true, runner);
            JsonNode planned = JSON.readTree(LambdaClasspath.invoke(cp, "dev.sluice.functions.PlannerHandler", start, env, work).response());
            assertThat(planned.path("runs").path(0).path("run_id").asText()).as(planned.toString()).isNotEmpty();

            int items = planned.path("runs").path(0).path("items").asInt();
            assertThat(items).as(planned.toString()).isEqualTo(TABLES.size());
            Path fetchEvent = event(aws, aws.workQueue().url(), work.resolve("fetch.json"), items);
            LambdaClasspath.Outcome fetched = LambdaClasspath.invoke(cp, "dev.sluice.functions.FetchHandler", fetchEvent, env, work);
            assertThat(JSON.readTree(fetched.response()).path("batchItemFailures")).as(fetched.stderr()).isEmpty();
            assertThat(fetched.stderr().split("\\): DONE: ", -1)).as("items DONE: " + fetched.stderr()).hasSize(TABLES.size() + 1);
            assertThat(fetched.stderr()).as("every item ended in this invocation").contains("every item of the run ended");
            assertThat(rows(database)).isEqualTo(vpcs);
            assertThat(tables(database)).containsAll(TABLES);

            Path finalizeEvent = event(aws, aws.finalizeQueue().url(), work.resolve("finalize.json"), 1);
            LambdaClasspath.Outcome finalized = LambdaClasspath.invoke(cp, "dev.sluice.functions.FinalizerHandler", finalizeEvent, env, work);
            assertThat(JSON.readTree(finalized.response()).path("batchItemFailures")).as(finalized.stderr()).isEmpty();
            assertThat(finalized.stderr()).as("the run's status").contains("finalized: SUCCEEDED");
        } finally {
            execute("postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    /** The source's tables: one work item each (one account, one region). */
    private static final List<String> TABLES = List.of("aws_iam_roles", "aws_iam_users", "aws_s3_buckets", "aws_sqs_queues",
            "aws_dynamodb_tables", "aws_ec2_instances", "aws_ec2_security_groups", "aws_ec2_vpcs", "aws_rds_instances",
            "aws_lambda_functions");

    /** The {@code count} messages waiting on {@code queue}, as one SQS event Lambda would hand the function. */
    private static Path event(LocalAws aws, String queue, Path file, int count) throws Exception {
        List<Message> messages = new java.util.ArrayList<>();
        while (messages.size() < count) {
            List<Message> got = aws.sqs().receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(5)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            assertThat(got).as("messages on " + queue + " after " + messages.size()).isNotEmpty();
            messages.addAll(got);
        }
        assertThat(messages).as("messages on " + queue).hasSize(count);
        Files.write(file, JSON.writeValueAsBytes(EventSourceMapping.event(messages)));
        for (Message m : messages) {
            aws.sqs().deleteMessage(r -> r.queueUrl(queue).receiptHandle(m.receiptHandle()));
        }
        return file;
    }

    private static Set<String> tables(String database) throws Exception {
        Set<String> out = new TreeSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres");
             ResultSet rs = c.getMetaData().getTables(null, "public", "aws_%", new String[] {"TABLE"})) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME"));
            }
        }
        return out;
    }

    private static Set<String> rows(String database) throws Exception {
        Set<String> out = new TreeSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT vpc_id FROM aws_ec2_vpcs WHERE region = 'us-east-1'")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static void execute(String database, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres");
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
