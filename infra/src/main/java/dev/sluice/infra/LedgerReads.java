package dev.sluice.infra;

import static dev.sluice.infra.Attrs.s;

import dev.sluice.engine.run.ItemRecord;
import dev.sluice.engine.run.RunRecord;
import dev.sluice.engine.run.RunState;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The runs table's reads: one run or item (consistent), a run's items (consistent, every
 * page), and the GSI {@code recent} for the newest runs and the overdue ones (paginated; the
 * index is eventually consistent on AWS, which the sweeper and the run listing tolerate).
 */
final class LedgerReads {
    private final DynamoDbClient db;
    private final String table;

    LedgerReads(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    Optional<Map<String, AttributeValue>> runItem(String runId) {
        return get(LedgerCodec.runKey(runId));
    }

    Optional<RunRecord> run(String runId) {
        return runItem(runId).map(LedgerCodec::decodeRun);
    }

    Optional<Map<String, AttributeValue>> item(String runId, String key) {
        return get(LedgerCodec.itemKey(runId, key));
    }

    /** The run's work items as stored, in planned order. */
    List<Map<String, AttributeValue>> itemMaps(String runId) {
        return sortKeysStarting(runId, "item#").stream()
                .sorted(Comparator.comparingLong(m -> Attrs.number(m, LedgerCodec.ORDINAL))).toList();
    }

    /** The items of run {@code runId}'s partition whose sort key starts with {@code prefix} (consistent, every page). */
    List<Map<String, AttributeValue>> sortKeysStarting(String runId, String prefix) {
        Expr e = new Expr();
        String keyCondition = e.eq(AwsResources.PK, s("run#" + runId)) + " AND begins_with("
                + e.n(AwsResources.SK) + ", " + e.v(s(prefix)) + ")";
        QueryRequest q = QueryRequest.builder().tableName(table).consistentRead(true).keyConditionExpression(keyCondition)
                .expressionAttributeNames(e.names()).expressionAttributeValues(e.values()).build();
        return db.queryPaginator(q).items().stream().toList();
    }

    List<ItemRecord> items(String runId) {
        return itemMaps(runId).stream().map(LedgerCodec::decodeItem).toList();
    }

    List<RunRecord> recent(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        Expr e = new Expr();
        QueryRequest q = QueryRequest.builder().tableName(table).indexName(AwsResources.RECENT_INDEX)
                .keyConditionExpression(e.eq(AwsResources.KIND, s(LedgerCodec.RUN_KIND))).scanIndexForward(false)
                .limit(Math.min(limit, 100)).expressionAttributeNames(e.names()).expressionAttributeValues(e.values()).build();
        return db.queryPaginator(q).items().stream().limit(limit).map(LedgerCodec::decodeRun).toList();
    }

    List<RunRecord> overdue(Instant now) {
        Expr e = new Expr();
        String state = e.n(LedgerCodec.STATE);
        String filter = "(" + state + " = " + e.v(s(RunState.RUNNING.name())) + " OR " + state + " = "
                + e.v(s(RunState.FINALIZING.name())) + ") AND " + e.n(LedgerCodec.DEADLINE) + " < " + e.v(Attrs.time(now));
        QueryRequest q = QueryRequest.builder().tableName(table).indexName(AwsResources.RECENT_INDEX)
                .keyConditionExpression(e.eq(AwsResources.KIND, s(LedgerCodec.RUN_KIND))).filterExpression(filter)
                .expressionAttributeNames(e.names()).expressionAttributeValues(e.values()).build();
        return db.queryPaginator(q).items().stream().map(LedgerCodec::decodeRun).toList();
    }

    Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }
}
