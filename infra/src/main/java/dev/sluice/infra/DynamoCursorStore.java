package dev.sluice.infra;

import static dev.sluice.infra.Attrs.s;

import dev.sluice.engine.fetch.PositionedStateStore;
import dev.sluice.spi.StateEntry;
import dev.sluice.spi.TransientException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * One source's cursors in the DynamoDB cursors table: {@code pk} the source name, {@code sk}
 * the cursor key (an item key such as {@code table} or {@code table#partition}), with
 * {@code value}, {@code version}, {@code position} and {@code updated_at}. Reads are
 * consistent; writes are conditional on the version (DESIGN.md invariant 3), so the version
 * only grows and the loser of a race changes nothing. A write whose stored twin (same value at
 * the next version, and same position) is already there counts as written, so the SDK's retry
 * of a request whose first attempt landed does not lose to itself; a positioned write behind
 * the stored position changes nothing (a replay never moves a cursor back). Network failures
 * and throttling surface as {@link TransientException}, so the engine's retry applies.
 * The condition expressions live in {@link CursorExpressions}.
 */
public final class DynamoCursorStore implements PositionedStateStore {
    private static final System.Logger LOG = System.getLogger(DynamoCursorStore.class.getName());

    private final DynamoDbClient db;
    private final String table;
    private final String source;
    private final Clock clock;

    public DynamoCursorStore(DynamoDbClient db, String table, String source, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.table = Objects.requireNonNull(table, "table");
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public DynamoCursorStore(DynamoDbClient db, String table, String source) {
        this(db, table, source, Clock.systemUTC());
    }

    @Override
    public Optional<StateEntry> get(String key) {
        return stored(key).map(item -> new StateEntry(key, Attrs.string(item, CursorExpressions.VALUE).orElse(""),
                Attrs.number(item, CursorExpressions.VERSION)));
    }

    @Override
    public boolean compareAndSet(String key, OptionalLong expectedVersion, String value) {
        return write(key, expectedVersion, value, Optional.empty()) == Write.WRITTEN;
    }

    @Override
    public Write compareAndSet(String key, OptionalLong expectedVersion, String value, String position) {
        return write(key, expectedVersion, value, Optional.of(position));
    }

    private Write write(String key, OptionalLong expectedVersion, String value, Optional<String> position) {
        Objects.requireNonNull(value, "value");
        Expr e = new Expr();
        String update = CursorExpressions.set(e, expectedVersion, value, position, Attrs.time(clock.instant()));
        String condition = CursorExpressions.condition(e, expectedVersion, value, position);
        try {
            translated(() -> db.updateItem(b -> b.tableName(table).key(key(key)).updateExpression(update)
                    .conditionExpression(condition).expressionAttributeNames(e.names()).expressionAttributeValues(e.values())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
            return Write.WRITTEN;
        } catch (ConditionalCheckFailedException lost) {
            // the stored item comes back with the failure on AWS (no second read); emulators may omit it
            Optional<Map<String, AttributeValue>> now = lost.hasItem() && !lost.item().isEmpty() ? Optional.of(lost.item())
                    : stored(key);
            Write why = position.isPresent() && now.flatMap(i -> Attrs.string(i, CursorExpressions.POSITION))
                    .filter(p -> p.compareTo(position.get()) >= 0).isPresent() ? Write.BEHIND : Write.CONFLICT;
            LOG.log(System.Logger.Level.INFO, "cursor " + key + " of source " + source + ": compare-and-set from "
                    + (expectedVersion.isPresent() ? "version " + expectedVersion.getAsLong() : "no entry")
                    + (why == Write.BEHIND ? " is behind the stored position " : " lost to version ")
                    + now.map(i -> why == Write.BEHIND ? Attrs.required(i, CursorExpressions.POSITION)
                            : Long.toString(Attrs.number(i, CursorExpressions.VERSION))).orElse("(gone)")
                    + "; the stored cursor stands");
            return why;
        }
    }

    private Optional<Map<String, AttributeValue>> stored(String key) {
        Map<String, AttributeValue> item = translated(() -> db.getItem(b -> b.tableName(table).key(key(key))
                .consistentRead(true)).item());
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** Runs a DynamoDB call; a network failure, throttling or a server error becomes a {@link TransientException}. */
    private <T> T translated(Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkClientException e) {
            throw new TransientException("DynamoDB table " + table + ": " + e.getMessage(), e);
        } catch (AwsServiceException e) {
            if (e instanceof ConditionalCheckFailedException || !(e.isThrottlingException() || e.statusCode() >= 500)) {
                throw e;
            }
            throw new TransientException("DynamoDB table " + table + ": " + e.getMessage(), e);
        }
    }

    private Map<String, AttributeValue> key(String key) {
        return Map.of(AwsResources.PK, s(source), AwsResources.SK, s(key));
    }

}
