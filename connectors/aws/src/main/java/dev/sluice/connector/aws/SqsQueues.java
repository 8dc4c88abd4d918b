package dev.sluice.connector.aws;

import static dev.sluice.spi.ColumnType.BOOL;
import static dev.sluice.spi.ColumnType.INT64;
import static dev.sluice.spi.ColumnType.JSON;
import static dev.sluice.spi.ColumnType.STRING;

import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * {@code aws_sqs_queues}, as CloudQuery has it: one row per queue, its attributes as columns
 * (the timestamps, like CloudQuery's, as int64 epoch seconds), attributes CloudQuery has no
 * column for in {@code unknown_fields}, tags as a json object. A page is one ListQueues page;
 * each queue then costs a GetQueueAttributes (All) and a ListQueueTags call.
 */
final class SqsQueues implements AwsTable {
    /** ListQueues' largest MaxResults. */
    static final int MAX_PAGE = 1000;

    /** The attributes with their own column, in column order after {@code url}. */
    private static final List<Attr> ATTRIBUTES = List.of(
            new Attr("approximate_number_of_messages", "ApproximateNumberOfMessages", INT64),
            new Attr("approximate_number_of_messages_delayed", "ApproximateNumberOfMessagesDelayed", INT64),
            new Attr("approximate_number_of_messages_not_visible", "ApproximateNumberOfMessagesNotVisible", INT64),
            new Attr("created_timestamp", "CreatedTimestamp", INT64),
            new Attr("delay_seconds", "DelaySeconds", INT64),
            new Attr("last_modified_timestamp", "LastModifiedTimestamp", INT64),
            new Attr("maximum_message_size", "MaximumMessageSize", INT64),
            new Attr("message_retention_period", "MessageRetentionPeriod", INT64),
            new Attr("receive_message_wait_time_seconds", "ReceiveMessageWaitTimeSeconds", INT64),
            new Attr("visibility_timeout", "VisibilityTimeout", INT64),
            new Attr("kms_master_key_id", "KmsMasterKeyId", STRING),
            new Attr("kms_data_key_reuse_period_seconds", "KmsDataKeyReusePeriodSeconds", INT64),
            new Attr("sqs_managed_sse_enabled", "SqsManagedSseEnabled", BOOL),
            new Attr("fifo_queue", "FifoQueue", BOOL),
            new Attr("content_based_deduplication", "ContentBasedDeduplication", BOOL),
            new Attr("deduplication_scope", "DeduplicationScope", STRING),
            new Attr("fifo_throughput_limit", "FifoThroughputLimit", STRING));

    /** Attributes read into columns before {@code tags}: the ARN and the three policies (JSON text). */
    private static final List<String> OWN = List.of("QueueArn", "Policy", "RedrivePolicy", "RedriveAllowPolicy");

    private static final Table TABLE = shape();

    private final int pageSize;

    SqsQueues() {
        this(MAX_PAGE);
    }

    SqsQueues(int pageSize) {
        this.pageSize = AwsPage.size("ListQueues", "queues", 1, MAX_PAGE, pageSize);
    }

    private static Table shape() {
        List<Column> columns = new ArrayList<>(List.of(
                Column.of("account_id", STRING), Column.of("region", STRING), Column.primaryKey("arn", STRING),
                Column.of("policy", JSON), Column.of("redrive_policy", JSON), Column.of("redrive_allow_policy", JSON),
                Column.of("tags", JSON), Column.of("url", STRING)));
        for (Attr a : ATTRIBUTES) {
            columns.add(Column.of(a.column, a.type));
        }
        columns.add(Column.of("unknown_fields", JSON));
        return Table.of("aws_sqs_queues", "Amazon SQS queues and their attributes "
                + "(https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueAttributes.html)",
                columns);
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
        SqsClient sqs = clients.sqs();
        ListQueuesResponse page = sqs.listQueues(r -> r.maxResults(pageSize).nextToken(token.orElse(null)));
        List<Object[]> rows = new ArrayList<>();
        for (String url : page.queueUrls()) {
            try {
                Map<String, String> attributes = sqs.getQueueAttributes(
                        r -> r.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
                Map<String, String> tags = sqs.listQueueTags(r -> r.queueUrl(url)).tags();
                rows.add(row(scope, url, attributes, tags));
            } catch (QueueDoesNotExistException deletedSinceListed) {
                // gone between ListQueues and now: not part of the inventory any more
            }
        }
        return AwsPage.of(rows, page.nextToken());
    }

    private static Object[] row(Scope scope, String url, Map<String, String> attributes, Map<String, String> tags) {
        Object[] row = new Object[TABLE.columns().size()];
        row[0] = scope.accountId();
        row[1] = scope.region();
        row[2] = attributes.get("QueueArn");
        row[3] = attributes.get("Policy");
        row[4] = attributes.get("RedrivePolicy");
        row[5] = attributes.get("RedriveAllowPolicy");
        row[6] = SdkJson.tags(tags);
        row[7] = url;
        int i = 8;
        Map<String, String> unknown = new TreeMap<>(attributes);
        OWN.forEach(unknown::remove);
        for (Attr a : ATTRIBUTES) {
            unknown.remove(a.attribute);
            row[i++] = a.parse.apply(attributes.get(a.attribute));
        }
        row[i] = unknown.isEmpty() ? null : SdkJson.of(unknown);
        return row;
    }

    /** An attribute with its own column, and how its text becomes the column's value. */
    private record Attr(String column, String attribute, ColumnType type, Function<String, Object> parse) {
        Attr(String column, String attribute, ColumnType type) {
            this(column, attribute, type, parser(type));
        }

        private static Function<String, Object> parser(ColumnType type) {
            return switch (type.kind()) {
                // whole numbers; epoch seconds with a fraction (as emulators write them) keep their whole seconds
                case INT -> v -> v == null || v.isEmpty() ? null
                        : new java.math.BigDecimal(v).setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
                case BOOL -> v -> v == null || v.isEmpty() ? null : Boolean.valueOf(v);
                default -> v -> v;
            };
        }
    }
}
