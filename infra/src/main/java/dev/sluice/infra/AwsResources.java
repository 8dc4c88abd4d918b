package dev.sluice.infra;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The AWS resources Sluice's serverless flow uses, as template.yaml declares them: the runs
 * table ({@code pk}/{@code sk}, GSI {@code recent} on {@code kind}/{@code started_at}
 * projecting {@link #RECENT_ATTRIBUTES}, TTL on {@code expires_at}), the cursors table ({@code pk}/{@code sk}), and the work and finalize
 * queues, each with a dead-letter queue after {@value #MAX_RECEIVE_COUNT} receives. The
 * create methods are for emulators and tests; on AWS, SAM creates the resources.
 */
public final class AwsResources {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String RECENT_INDEX = "recent";
    public static final String KIND = "kind";
    public static final String STARTED_AT = "started_at";
    public static final String EXPIRES_AT = "expires_at";
    /**
     * What the {@code recent} index projects besides its keys: what run listings and the sweep
     * read ({@code RunRecord} without its summary), so that index writes stay small.
     */
    public static final java.util.List<String> RECENT_ATTRIBUTES = java.util.List.of("run_id", "source", "sync_time", "state",
            "deadline", "ended_at", "items_total", "ended_count", "rows");
    public static final int MAX_RECEIVE_COUNT = 5;
    public static final String DLQ_SUFFIX = "-dlq";

    private static final System.Logger LOG = System.getLogger(AwsResources.class.getName());

    /** A queue and its dead-letter queue. */
    public record QueuePair(String url, String deadLetterUrl) {
    }

    private AwsResources() {
    }

    /** Creates the runs table (on demand, GSI {@code recent}, TTL where supported) and waits until it exists. */
    public static void createRunsTable(DynamoDbClient db, String name) {
        db.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(stringAttr(PK), stringAttr(SK), stringAttr(KIND), stringAttr(STARTED_AT))
                .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(RECENT_INDEX)
                        .keySchema(key(KIND, KeyType.HASH), key(STARTED_AT, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes(RECENT_ATTRIBUTES).build()).build()));
        db.waiter().waitUntilTableExists(b -> b.tableName(name));
        enableTtl(db, name);
    }

    /** Creates the cursors table (on demand) and waits until it exists. */
    public static void createCursorsTable(DynamoDbClient db, String name) {
        db.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(stringAttr(PK), stringAttr(SK))
                .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE)));
        db.waiter().waitUntilTableExists(b -> b.tableName(name));
    }

    /**
     * Creates queue {@code name} with dead-letter queue {@code name-dlq}: a message received
     * {@value #MAX_RECEIVE_COUNT} times without being deleted moves there.
     */
    public static QueuePair createQueue(SqsClient sqs, String name, int visibilityTimeoutSeconds) {
        String dlq = sqs.createQueue(b -> b.queueName(name + DLQ_SUFFIX)).queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + MAX_RECEIVE_COUNT + "\"}";
        String url = sqs.createQueue(b -> b.queueName(name).attributes(Map.of(
                QueueAttributeName.REDRIVE_POLICY, redrive,
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds)))).queueUrl();
        return new QueuePair(url, dlq);
    }

    /** TTL on {@code expires_at}; skipped, with a note, where the emulator has no UpdateTimeToLive (dynalite). */
    private static void enableTtl(DynamoDbClient db, String table) {
        try {
            db.updateTimeToLive(b -> b.tableName(table)
                    .timeToLiveSpecification(t -> t.attributeName(EXPIRES_AT).enabled(true)));
        } catch (DynamoDbException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            if (!"UnknownOperationException".equals(code)) {
                throw e;
            }
            LOG.log(System.Logger.Level.DEBUG, "table {0}: this DynamoDB has no UpdateTimeToLive; expired runs stay", table);
        }
    }

    private static AttributeDefinition stringAttr(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
