package dev.sluice.infra;

import static dev.sluice.infra.Attrs.n;
import static dev.sluice.infra.Attrs.s;

import dev.sluice.engine.run.ItemRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Counts ended items on their run exactly once, with single-item conditional writes only
 * (dynalite has no transactions), and keeps every item small however many items a run has.
 * Items are counted in groups of {@code group_size} consecutive ordinals (fixed on the run
 * record at start): an item's end is added to its group item ({@code count#<n>}) by
 * {@code ADD keys :key, rows :rows} under {@code NOT contains(keys, :key)}; the call that sees
 * the group complete adds the group to the run by {@code ADD counted_groups :n, ended_count
 * :size, rows :rows} under {@code NOT contains(counted_groups, :n)}. Each step is idempotent,
 * so any caller can repeat the whole count after a crash at any point; a count costs write
 * units for a group item (at most {@code group_size} keys), not for the whole run.
 */
final class EndCounter {
    static final int DEFAULT_GROUP_SIZE = 100;

    private final DynamoDbClient db;
    private final String table;
    private final LedgerReads reads;

    EndCounter(DynamoDbClient db, String table, LedgerReads reads) {
        this.db = db;
        this.table = table;
        this.reads = reads;
    }

    /** Counts {@code item} (as stored) on {@code run} (as stored); true when the run's every item is counted. */
    boolean count(Map<String, AttributeValue> run, Map<String, AttributeValue> item) {
        String runId = Attrs.required(run, LedgerCodec.RUN_ID);
        long size = groupSize(run);
        long total = Attrs.number(run, LedgerCodec.ITEMS_TOTAL);
        long group = Attrs.number(item, LedgerCodec.ORDINAL) / size;
        long expected = Math.min(size, total - group * size);
        ItemRecord r = LedgerCodec.decodeItem(item);
        long rows = r.rows().values().stream().mapToLong(Long::longValue).sum();
        Map<String, AttributeValue> counted = addToGroup(runId, group, r.current().key(), rows);
        if (LedgerCodec.set(counted, LedgerCodec.KEYS).size() < expected) {
            return false;
        }
        return countGroup(runId, group, expected, Attrs.number(counted, LedgerCodec.ROWS));
    }

    /** The run's groups as stored: group number to the keys counted in it. */
    Map<Long, Set<String>> groups(String runId) {
        Map<Long, Set<String>> out = new java.util.HashMap<>();
        for (Map<String, AttributeValue> g : reads.sortKeysStarting(runId, "count#")) {
            long n = Long.parseLong(Attrs.required(g, AwsResources.SK).substring("count#".length()));
            out.put(n, new HashSet<>(LedgerCodec.set(g, LedgerCodec.KEYS)));
        }
        return out;
    }

    static long groupSize(Map<String, AttributeValue> run) {
        long size = Attrs.number(run, LedgerCodec.GROUP_SIZE);
        return size > 0 ? size : DEFAULT_GROUP_SIZE;
    }

    private Map<String, AttributeValue> addToGroup(String runId, long group, String key, long rows) {
        Expr e = new Expr();
        String keys = e.n(LedgerCodec.KEYS);
        String update = "ADD " + keys + " " + e.v(AttributeValue.fromSs(List.of(key))) + ", " + e.n(LedgerCodec.ROWS) + " "
                + e.v(n(rows));
        String cond = "NOT contains(" + keys + ", " + e.v(s(key)) + ")";
        try {
            return db.updateItem(b -> b.tableName(table).key(LedgerCodec.groupKey(runId, group)).updateExpression(update)
                    .conditionExpression(cond).returnValues(ReturnValue.ALL_NEW)
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())).attributes();
        } catch (ConditionalCheckFailedException already) {
            return reads.get(LedgerCodec.groupKey(runId, group)).orElseThrow();
        }
    }

    private boolean countGroup(String runId, long group, long size, long rows) {
        Expr e = new Expr();
        String groups = e.n(LedgerCodec.COUNTED_GROUPS);
        String update = "ADD " + groups + " " + e.v(AttributeValue.fromNs(List.of(Long.toString(group)))) + ", "
                + e.n(LedgerCodec.ENDED_COUNT) + " " + e.v(n(size)) + ", " + e.n(LedgerCodec.ROWS) + " " + e.v(n(rows));
        String cond = "attribute_exists(" + e.n(AwsResources.PK) + ") AND NOT contains(" + groups + ", " + e.v(n(group)) + ")";
        Map<String, AttributeValue> run;
        try {
            run = db.updateItem(b -> b.tableName(table).key(LedgerCodec.runKey(runId)).updateExpression(update)
                    .conditionExpression(cond).returnValues(ReturnValue.ALL_NEW)
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())).attributes();
        } catch (ConditionalCheckFailedException already) {
            Optional<Map<String, AttributeValue>> now = reads.runItem(runId);
            if (now.isEmpty()) {
                return false;
            }
            run = now.get();
        }
        return Attrs.number(run, LedgerCodec.ENDED_COUNT) >= Attrs.number(run, LedgerCodec.ITEMS_TOTAL);
    }
}
