package dev.sluice.connector.aws;

import dev.sluice.emulators.MotoServer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** aws_sqs_queues against moto: several pages of queues in two regions, every row compared with what was created. */
class SqsQueuesIT {
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");
    private static final int QUEUES = 5;
    private static MotoServer moto;

    @BeforeAll
    static void start() {
        moto = MotoServer.start();
    }

    @AfterAll
    static void stop() {
        moto.close();
    }

    @Test
    void everyQueueOfEachRegionOnceWithItsAttributesAndTags() {
        for (String region : REGIONS) {
            try (MotoClients clients = new MotoClients(moto, region)) {
                Map<String, Map<String, String>> created = new HashMap<>();
                String dlqUrl = clients.sqs().createQueue(r -> r.queueName(region + "-dlq")).queueUrl();
                String dlqArn = arn(region, region + "-dlq");
                created.put(dlqArn, Map.of());
                for (int i = 0; i < QUEUES; i++) {
                    String name = region + "-q" + i;
                    String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                            + "\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + arn(region, name) + "\"}]}";
                    Map<String, String> attributes = new HashMap<>(Map.of(
                            "DelaySeconds", Integer.toString(i), "VisibilityTimeout", Integer.toString(30 + i),
                            "MessageRetentionPeriod", Integer.toString(3600 + i), "Policy", policy));
                    if (i == 0) {
                        attributes.put("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":3}");
                    }
                    clients.sqs().createQueue(r -> r.queueName(name).attributesWithStrings(attributes)
                            .tags(Map.of("team", name.substring(name.length() - 2), "region", region)));
                    created.put(arn(region, name), attributes);
                }
                String fifo = region + "-f.fifo";
                clients.sqs().createQueue(r -> r.queueName(fifo).attributesWithStrings(Map.of(
                        "FifoQueue", "true", "ContentBasedDeduplication", "true")));
                created.put(arn(region, fifo), Map.of("FifoQueue", "true"));
                assertThat(dlqUrl).endsWith("/" + region + "-dlq");

                SqsQueues table = new SqsQueues(2);
                Pages read = Pages.readAll(table, clients, new Scope(MotoClients.ACCOUNT, region));

                assertThat(read.pages).hasSize(4); // 7 queues, 2 a page
                Map<String, Object[]> rows = new HashMap<>();
                for (Object[] row : read.rows) {
                    assertThat(rows.put((String) Pages.value(table, row, "arn"), row)).as("arn once").isNull();
                }
                assertThat(rows.keySet()).isEqualTo(created.keySet());
                for (int i = 0; i < QUEUES; i++) {
                    String name = region + "-q" + i;
                    Object[] row = rows.get(arn(region, name));
                    Map<String, String> attributes = created.get(arn(region, name));
                    assertThat(Pages.value(table, row, "account_id")).isEqualTo(MotoClients.ACCOUNT);
                    assertThat(Pages.value(table, row, "region")).isEqualTo(region);
                    assertThat((String) Pages.value(table, row, "url")).endsWith("/" + MotoClients.ACCOUNT + "/" + name);
                    assertThat(Pages.value(table, row, "delay_seconds")).isEqualTo((long) i);
                    assertThat(Pages.value(table, row, "visibility_timeout")).isEqualTo(30L + i);
                    assertThat(Pages.value(table, row, "message_retention_period")).isEqualTo(3600L + i);
                    assertThat(Pages.value(table, row, "maximum_message_size")).isInstanceOf(Long.class);
                    assertThat(Pages.value(table, row, "approximate_number_of_messages")).isEqualTo(0L);
                    assertThat((Long) Pages.value(table, row, "created_timestamp"))
                            .isBetween(System.currentTimeMillis() / 1000 - 600, System.currentTimeMillis() / 1000 + 5);
                    assertThat(Pages.value(table, row, "last_modified_timestamp")).isInstanceOf(Long.class);
                    assertThat(Pages.value(table, row, "fifo_queue")).isIn(null, false);
                    assertThat(Json.parse((String) Pages.value(table, row, "policy"))).isEqualTo(Json.parse(attributes.get("Policy")));
                    assertThat(Json.parse((String) Pages.value(table, row, "tags")))
                            .isEqualTo(Map.of("team", "q" + i, "region", region));
                    if (i == 0) {
                        assertThat(Json.parse((String) Pages.value(table, row, "redrive_policy")))
                                .isEqualTo(Json.parse(attributes.get("RedrivePolicy")));
                    } else {
                        assertThat(Pages.value(table, row, "redrive_policy")).isNull();
                    }
                }
                Object[] fifoRow = rows.get(arn(region, fifo));
                assertThat(Pages.value(table, fifoRow, "fifo_queue")).isEqualTo(true);
                assertThat(Pages.value(table, fifoRow, "content_based_deduplication")).isEqualTo(true);
                assertThat(Pages.value(table, fifoRow, "tags")).isEqualTo("{}");
                for (Object[] row : read.rows) {
                    String unknown = (String) Pages.value(table, row, "unknown_fields");
                    if (unknown != null) {
                        assertThat(((Map<?, ?>) Json.parse(unknown)).keySet().stream().map(Object::toString).toList()).doesNotContain(
                                QueueAttributeName.QUEUE_ARN.toString(), "Policy", "DelaySeconds", "FifoQueue");
                    }
                }
            }
        }
    }

    private static String arn(String region, String name) {
        return "arn:aws:sqs:" + region + ":" + MotoClients.ACCOUNT + ":" + name;
    }
}
