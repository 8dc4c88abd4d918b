package dev.sluice.connector.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.spi.Column;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SQS, DynamoDB and Lambda tables have CloudQuery's names, columns (in CloudQuery's order,
 * with CloudQuery's type names) and primary key, and are read per region.
 */
class RegionalTablesShapeTest {

    @Test
    void sqsQueuesAsCloudQueryHasThem() {
        assertShape(new SqsQueues(), "aws_sqs_queues", """
                account_id utf8, region utf8, arn utf8, policy json, redrive_policy json, redrive_allow_policy json,
                tags json, url utf8, approximate_number_of_messages int64, approximate_number_of_messages_delayed int64,
                approximate_number_of_messages_not_visible int64, created_timestamp int64, delay_seconds int64,
                last_modified_timestamp int64, maximum_message_size int64, message_retention_period int64,
                receive_message_wait_time_seconds int64, visibility_timeout int64, kms_master_key_id utf8,
                kms_data_key_reuse_period_seconds int64, sqs_managed_sse_enabled bool, fifo_queue bool,
                content_based_deduplication bool, deduplication_scope utf8, fifo_throughput_limit utf8,
                unknown_fields json""");
    }

    @Test
    void dynamodbTablesAsCloudQueryHasThem() {
        assertShape(new DynamoDbTables(), "aws_dynamodb_tables", """
                account_id utf8, region utf8, tags json, arn utf8, archival_summary json, attribute_definitions json,
                billing_mode_summary json, creation_date_time timestamp[us, tz=UTC], global_secondary_indexes json,
                global_table_version utf8, item_count int64, key_schema json, latest_stream_arn utf8,
                latest_stream_label utf8, local_secondary_indexes json, provisioned_throughput json, replicas json,
                restore_summary json, sse_description json, stream_specification json, table_arn utf8,
                table_class_summary json, table_id utf8, table_name utf8, table_size_bytes int64, table_status utf8""");
    }

    @Test
    void lambdaFunctionsAsCloudQueryHasThem() {
        assertShape(new LambdaFunctions(), "aws_lambda_functions", """
                account_id utf8, region utf8, arn utf8, policy_revision_id utf8, policy_document json,
                code_signing_config json, code_repository_type utf8, update_runtime_on utf8, runtime_version_arn utf8,
                code json, concurrency json, configuration json, tags json, result_metadata json""");
    }

    @Test
    void pageSizesStayWithinWhatEachServiceAccepts() {
        assertThatThrownBy(() -> new SqsQueues(1001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DynamoDbTables(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LambdaFunctions(51)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertShape(AwsTable table, String name, String columns) {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String c : columns.split(",\\s*(?![^\\[]*\\])")) {
            String[] parts = c.trim().split(" ", 2);
            expected.put(parts[0], parts[1]);
        }
        Map<String, String> actual = new LinkedHashMap<>();
        for (Column c : table.table().columns()) {
            actual.put(c.name(), c.type().displayName());
        }
        assertThat(table.table().name()).isEqualTo(name);
        assertThat(actual).containsExactlyEntriesOf(expected);
        assertThat(table.table().primaryKey()).isEqualTo(List.of("arn"));
        assertThat(table.global()).isFalse();
        assertThat(table.table().incremental()).isFalse();
    }
}
