package dev.sluice.infra;

import static dev.sluice.infra.Attrs.s;

import dev.sluice.engine.run.RunRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * One active run per source (DESIGN.md invariant 7): the lease item {@code lease#<source>}
 * names the run holding it. The run holds it while it is active (its record's state and
 * deadline say so; progress moves the deadline on the run record only); before the run
 * record exists, until {@code lease_until}, the run's first deadline. Taken by a conditional
 * put; a lease whose run ended or stalled, or whose start crashed before the run record was
 * written, is taken over by a put conditional on that run still being named.
 */
final class SourceLease {
    private final DynamoDbClient db;
    private final String table;

    SourceLease(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    /** Takes the lease for {@code run}: empty when taken, else the id of the active run holding it. */
    Optional<String> take(RunRecord run, RunReader runs) {
        Instant now = run.startedAt();
        for (int attempt = 0; attempt < 3; attempt++) {
            Expr e = new Expr();
            String free = "attribute_not_exists(" + e.n(AwsResources.PK) + ") OR " + e.eq(LedgerCodec.RUN_ID, s(run.id()));
            Attempt first = put(run, free, e);
            if (first.taken()) {
                return Optional.empty();
            }
            if (first.lease().isEmpty()) {
                continue;
            }
            String holder = Attrs.required(first.lease().get(), LedgerCodec.RUN_ID);
            if (active(first.lease().get(), runs, now)) {
                return Optional.of(holder);
            }
            Expr stale = new Expr();
            if (put(run, stale.eq(LedgerCodec.RUN_ID, s(holder)), stale).taken()) {
                return Optional.empty();
            }
        }
        return Optional.of(current(run.run().sourceName()).flatMap(l -> Attrs.string(l, LedgerCodec.RUN_ID)).orElse("(unknown)"));
    }

    /** The id of the run holding {@code source}'s lease and active at {@code now}: a key lookup, then the run's. */
    Optional<String> active(String source, RunReader runs, Instant now) {
        return current(source).filter(lease -> active(lease, runs, now)).map(lease -> Attrs.required(lease, LedgerCodec.RUN_ID));
    }

    /**
     * Whether the lease's run is active: RUNNING or FINALIZING and not past its deadline; a run
     * not recorded (yet: its items are being written, or its start crashed) holds the lease
     * until the lease's own hold, its first deadline.
     */
    private static boolean active(Map<String, AttributeValue> lease, RunReader runs, Instant now) {
        Optional<RunRecord> run = runs.read(Attrs.required(lease, LedgerCodec.RUN_ID));
        if (run.isEmpty()) {
            return Attrs.instant(lease, LedgerCodec.LEASE_UNTIL).orElse(Instant.MIN).isAfter(now);
        }
        return !run.get().state().ended() && run.get().deadline().isAfter(now);
    }

    /** Gives the lease up if {@code runId} holds it. */
    void release(String source, String runId) {
        Expr e = new Expr();
        String cond = e.eq(LedgerCodec.RUN_ID, s(runId));
        try {
            db.deleteItem(b -> b.tableName(table).key(LedgerCodec.leaseKey(source)).conditionExpression(cond)
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values()));
        } catch (ConditionalCheckFailedException gone) {
            // already released or taken over
        }
    }

    /** A conditional put of the lease: taken, or the lease as it is (empty if it vanished meanwhile). */
    private record Attempt(boolean taken, Optional<Map<String, AttributeValue>> lease) {
    }

    private Attempt put(RunRecord run, String condition, Expr e) {
        Map<String, AttributeValue> item = new HashMap<>(LedgerCodec.leaseKey(run.run().sourceName()));
        item.put(LedgerCodec.RUN_ID, s(run.id()));
        item.put(LedgerCodec.LEASE_UNTIL, Attrs.time(run.deadline()));
        try {
            db.putItem(b -> b.tableName(table).item(item).conditionExpression(condition)
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new Attempt(true, Optional.empty());
        } catch (ConditionalCheckFailedException taken) {
            if (taken.hasItem() && taken.item().containsKey(LedgerCodec.RUN_ID)) {
                return new Attempt(false, Optional.of(taken.item()));
            }
            return new Attempt(false, current(run.run().sourceName()));
        }
    }

    private Optional<Map<String, AttributeValue>> current(String source) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).key(LedgerCodec.leaseKey(source))
                .consistentRead(true)).item();
        return item == null || !item.containsKey(LedgerCodec.RUN_ID) ? Optional.empty() : Optional.of(item);
    }

    /** Reads a run record by id. */
    interface RunReader {
        Optional<RunRecord> read(String runId);
    }
}
