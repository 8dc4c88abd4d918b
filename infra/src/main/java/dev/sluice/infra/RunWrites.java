package dev.sluice.infra;

import static dev.sluice.infra.Attrs.s;

import dev.sluice.engine.run.RunRecord;
import dev.sluice.engine.run.RunState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The run record writes of {@link DynamoRunLedger}: its deadline moved later only, the
 * finalizer's hold, and completion, each a single conditional update of the small run item.
 */
final class RunWrites {
    private final DynamoDbClient db;
    private final String table;
    private final Supplier<AttributeValue> expiresAt;

    RunWrites(DynamoDbClient db, String table, Supplier<AttributeValue> expiresAt) {
        this.db = db;
        this.table = table;
        this.expiresAt = expiresAt;
    }

    /** {@code deadline = :until} where the run exists, is not ended, and its deadline is earlier. */
    void extend(String runId, Instant until) {
        Expr e = new Expr();
        String st = e.n(LedgerCodec.STATE);
        String set = "SET " + e.eq(LedgerCodec.DEADLINE, Attrs.time(until));
        String cond = "attribute_exists(" + e.n(AwsResources.PK) + ") AND " + e.n(LedgerCodec.DEADLINE) + " < "
                + e.v(Attrs.time(until)) + " AND (" + st + " = " + e.v(s(RunState.RUNNING.name())) + " OR " + st + " = "
                + e.v(s(RunState.FINALIZING.name())) + ")";
        try {
            db.updateItem(b -> b.tableName(table).key(LedgerCodec.runKey(runId)).updateExpression(set).conditionExpression(cond)
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values()));
        } catch (ConditionalCheckFailedException laterOrEnded) {
            // the deadline is already later, or the run ended: nothing to move
        }
    }

    Optional<RunRecord> beginFinalize(String runId, String claimant, Instant now, Instant holdUntil) {
        Expr e = new Expr();
        String state = e.n(LedgerCodec.STATE);
        String set = "SET " + state + " = " + e.v(s(RunState.FINALIZING.name())) + ", "
                + e.n(LedgerCodec.FINALIZER) + " = " + e.v(s(claimant)) + ", "
                + e.n(LedgerCodec.FINALIZE_UNTIL) + " = " + e.v(Attrs.time(holdUntil));
        String cond = "attribute_exists(" + e.n(AwsResources.PK) + ") AND (" + state + " = " + e.v(s(RunState.RUNNING.name()))
                + " OR (" + state + " = " + e.v(s(RunState.FINALIZING.name())) + " AND (" + e.eq(LedgerCodec.FINALIZER, s(claimant))
                + " OR " + e.n(LedgerCodec.FINALIZE_UNTIL) + " <= " + e.v(Attrs.time(now)) + ")))";
        try {
            return Optional.of(LedgerCodec.decodeRun(db.updateItem(b -> b.tableName(table).key(LedgerCodec.runKey(runId))
                    .updateExpression(set).conditionExpression(cond).returnValues(ReturnValue.ALL_NEW)
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())).attributes()));
        } catch (ConditionalCheckFailedException taken) {
            return Optional.empty();
        }
    }

    /** The run as it ended, or empty when it had already ended. */
    Optional<Map<String, AttributeValue>> complete(String runId, RunState state, String summaryJson, Instant now) {
        Expr e = new Expr();
        String st = e.n(LedgerCodec.STATE);
        String set = "SET " + st + " = " + e.v(s(state.name())) + ", " + e.n(LedgerCodec.SUMMARY) + " = " + e.v(s(summaryJson))
                + ", " + e.n(LedgerCodec.ENDED_AT) + " = " + e.v(Attrs.time(now)) + ", "
                + e.n(AwsResources.EXPIRES_AT) + " = " + e.v(expiresAt.get())
                + " REMOVE " + e.n(LedgerCodec.FINALIZER) + ", " + e.n(LedgerCodec.FINALIZE_UNTIL);
        String cond = st + " = " + e.v(s(RunState.RUNNING.name())) + " OR " + st + " = " + e.v(s(RunState.FINALIZING.name()));
        try {
            return Optional.of(db.updateItem(b -> b.tableName(table).key(LedgerCodec.runKey(runId)).updateExpression(set)
                    .conditionExpression(cond).returnValues(ReturnValue.ALL_NEW)
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())).attributes());
        } catch (ConditionalCheckFailedException already) {
            return Optional.empty();
        }
    }
}
