package dev.sluice.connector.aws;

import static dev.sluice.spi.ColumnType.INT64;
import static dev.sluice.spi.ColumnType.JSON;
import static dev.sluice.spi.ColumnType.STRING;
import static dev.sluice.spi.ColumnType.TIMESTAMP;

import dev.sluice.spi.Column;
import dev.sluice.spi.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * {@code aws_dynamodb_tables}, as CloudQuery has it: one row per table, DescribeTable's
 * TableDescription with its nested structures as json, and the table's tags. A page is one
 * ListTables page; each table then costs a DescribeTable and its ListTagsOfResource pages.
 */
final class DynamoDbTables implements AwsTable {
    /** ListTables' largest Limit. */
    static final int MAX_PAGE = 100;

    private static final Table TABLE = Table.of("aws_dynamodb_tables", "Amazon DynamoDB tables "
            + "(https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TableDescription.html)", List.of(
            Column.of("account_id", STRING), Column.of("region", STRING), Column.of("tags", JSON),
            Column.primaryKey("arn", STRING), Column.of("archival_summary", JSON),
            Column.of("attribute_definitions", JSON), Column.of("billing_mode_summary", JSON),
            Column.of("creation_date_time", TIMESTAMP), Column.of("global_secondary_indexes", JSON),
            Column.of("global_table_version", STRING), Column.of("item_count", INT64), Column.of("key_schema", JSON),
            Column.of("latest_stream_arn", STRING), Column.of("latest_stream_label", STRING),
            Column.of("local_secondary_indexes", JSON), Column.of("provisioned_throughput", JSON),
            Column.of("replicas", JSON), Column.of("restore_summary", JSON), Column.of("sse_description", JSON),
            Column.of("stream_specification", JSON), Column.of("table_arn", STRING),
            Column.of("table_class_summary", JSON), Column.of("table_id", STRING), Column.of("table_name", STRING),
            Column.of("table_size_bytes", INT64), Column.of("table_status", STRING)));

    private final int pageSize;

    DynamoDbTables() {
        this(MAX_PAGE);
    }

    DynamoDbTables(int pageSize) {
        this.pageSize = AwsPage.size("ListTables", "tables", 1, MAX_PAGE, pageSize);
    }

    @Override
    public Table table() {
        return TABLE;
    }

    @Override
    public boolean global() {
        return false;
    }

    @Override
    public AwsPage fetch(AwsClients clients, Scope scope, Optional<String> token) {
        DynamoDbClient dynamodb = clients.dynamodb();
        ListTablesResponse page = dynamodb.listTables(r -> r.limit(pageSize).exclusiveStartTableName(token.orElse(null)));
        List<Object[]> rows = new ArrayList<>();
        for (String name : page.tableNames()) {
            try {
                TableDescription t = dynamodb.describeTable(r -> r.tableName(name)).table();
                rows.add(row(scope, t, tags(dynamodb, t.tableArn())));
            } catch (ResourceNotFoundException deletedSinceListed) {
                // gone between ListTables and now: not part of the inventory any more
            }
        }
        return AwsPage.of(rows, page.lastEvaluatedTableName());
    }

    private static Map<String, String> tags(DynamoDbClient dynamodb, String arn) {
        Map<String, String> tags = new LinkedHashMap<>();
        String next = null;
        do {
            String from = next;
            ListTagsOfResourceResponse page = dynamodb.listTagsOfResource(r -> r.resourceArn(arn).nextToken(from));
            for (Tag tag : page.tags()) {
                tags.put(tag.key(), tag.value());
            }
            next = page.nextToken();
        } while (next != null && !next.isEmpty());
        return tags;
    }

    private static Object[] row(Scope scope, TableDescription t, Map<String, String> tags) {
        return new Object[] {
            scope.accountId(), scope.region(), SdkJson.tags(tags), t.tableArn(), SdkJson.of(t.archivalSummary()),
            SdkJson.of(t.attributeDefinitions()), SdkJson.of(t.billingModeSummary()), t.creationDateTime(),
            SdkJson.of(t.globalSecondaryIndexes()), t.globalTableVersion(), t.itemCount(), SdkJson.of(t.keySchema()),
            t.latestStreamArn(), t.latestStreamLabel(), SdkJson.of(t.localSecondaryIndexes()),
            SdkJson.of(t.provisionedThroughput()), SdkJson.of(t.replicas()), SdkJson.of(t.restoreSummary()),
            SdkJson.of(t.sseDescription()), SdkJson.of(t.streamSpecification()), t.tableArn(),
            SdkJson.of(t.tableClassSummary()), t.tableId(), t.tableName(), t.tableSizeBytes(), t.tableStatusAsString()
        };
    }
}
