package dev.sluice.connector.aws;

import dev.sluice.emulators.MotoServer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** aws_dynamodb_tables against moto: several pages of tables in two regions, every row compared with what was created. */
class DynamoDbTablesIT {
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");
    private static final int TABLES = 5;
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
    void everyTableOfEachRegionOnceWithItsDescriptionAndTags() {
        Instant before = Instant.now().minusSeconds(600);
        for (String region : REGIONS) {
            try (MotoClients clients = new MotoClients(moto, region)) {
                for (int i = 0; i < TABLES; i++) {
                    String name = region + "-t" + i;
                    boolean provisioned = i % 2 == 0;
                    String tag = "t" + i;
                    clients.dynamodb().createTable(r -> {
                        r.tableName(name)
                                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.N))
                                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                                        k -> k.attributeName("sk").keyType(KeyType.RANGE))
                                .tags(t -> t.key("team").value(tag));
                        if (provisioned) {
                            r.billingMode(BillingMode.PROVISIONED)
                                    .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(7L))
                                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE));
                        } else {
                            r.billingMode(BillingMode.PAY_PER_REQUEST);
                        }
                    });
                }
                clients.dynamodb().putItem(r -> r.tableName(region + "-t1")
                        .item(Map.of("pk", av("a"), "sk", avn("1"))));

                DynamoDbTables table = new DynamoDbTables(2);
                Pages read = Pages.readAll(table, clients, new Scope(MotoClients.ACCOUNT, region));

                assertThat(read.pages).hasSizeGreaterThanOrEqualTo(3); // 5 tables, 2 a page
                Map<String, Object[]> rows = new HashMap<>();
                for (Object[] row : read.rows) {
                    assertThat(rows.put((String) Pages.value(table, row, "arn"), row)).as("arn once").isNull();
                }
                assertThat(rows).hasSize(TABLES);
                for (int i = 0; i < TABLES; i++) {
                    String name = region + "-t" + i;
                    String arn = "arn:aws:dynamodb:" + region + ":" + MotoClients.ACCOUNT + ":table/" + name;
                    Object[] row = rows.get(arn);
                    assertThat(row).as(arn).isNotNull();
                    assertThat(Pages.value(table, row, "account_id")).isEqualTo(MotoClients.ACCOUNT);
                    assertThat(Pages.value(table, row, "region")).isEqualTo(region);
                    assertThat(Pages.value(table, row, "table_arn")).isEqualTo(arn);
                    assertThat(Pages.value(table, row, "table_name")).isEqualTo(name);
                    assertThat(Pages.value(table, row, "table_status")).isEqualTo("ACTIVE");
                    assertThat(Pages.value(table, row, "item_count")).isEqualTo(i == 1 ? 1L : 0L);
                    assertThat(Pages.value(table, row, "table_size_bytes")).isInstanceOf(Long.class);
                    assertThat((Instant) Pages.value(table, row, "creation_date_time")).isBetween(before, Instant.now());
                    assertThat(Json.parse((String) Pages.value(table, row, "tags"))).isEqualTo(Map.of("team", "t" + i));
                    assertThat(Json.parse((String) Pages.value(table, row, "key_schema"))).isEqualTo(List.of(
                            Map.of("AttributeName", "pk", "KeyType", "HASH"), Map.of("AttributeName", "sk", "KeyType", "RANGE")));
                    assertThat(Json.parse((String) Pages.value(table, row, "attribute_definitions"))).isEqualTo(List.of(
                            Map.of("AttributeName", "pk", "AttributeType", "S"),
                            Map.of("AttributeName", "sk", "AttributeType", "N")));
                    Map<?, ?> throughput = (Map<?, ?>) Json.parse((String) Pages.value(table, row, "provisioned_throughput"));
                    Map<?, ?> billing = (Map<?, ?>) Json.parse((String) Pages.value(table, row, "billing_mode_summary"));
                    if (i % 2 == 0) {
                        assertThat(throughput.get("ReadCapacityUnits")).isEqualTo(5L);
                        assertThat(throughput.get("WriteCapacityUnits")).isEqualTo(7L);
                        assertThat(Json.parse((String) Pages.value(table, row, "stream_specification")))
                                .isEqualTo(Map.of("StreamEnabled", true, "StreamViewType", "NEW_IMAGE"));
                        assertThat((String) Pages.value(table, row, "latest_stream_arn")).startsWith(arn + "/stream/");
                    } else {
                        assertThat(billing.get("BillingMode")).isEqualTo("PAY_PER_REQUEST");
                        assertThat(Pages.value(table, row, "latest_stream_arn")).isNull();
                    }
                }
            }
        }
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue av(String s) {
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(s);
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue avn(String n) {
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(n);
    }
}
