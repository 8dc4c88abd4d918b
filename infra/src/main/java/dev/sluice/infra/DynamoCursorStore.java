package dev.sluice.infra;

import static dev.sluice.infra.Attrs.n;
import static dev.sluice.infra.Attrs.s;

import dev.sluice.spi.StateEntry;
import dev.sluice.spi.StateStore;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * One source's cursors in the DynamoDB cursors table: {@code pk} the source name, {@code sk}
 * the cursor key (an item key such as {@code table} or {@code table#partition}), with
 * {@code value}, {@code version} and {@code updated_at}. Reads are consistent; writes are
 * conditional on the version (DESIGN.md invariant 3), so the version only grows and the loser
 * of a race changes nothing.
 */
public final class DynamoCursorStore implements StateStore {
    private static final System.Logger LOG = System.getLogger(DynamoCursorStore.class.getName());
    private static final Map<String, String> NAMES = Map.of("#pk", AwsResources.PK, "#value", "value",
            "#version", "version", "#updated", "updated_at");

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
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).key(key(key)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StateEntry(key, Attrs.string(item, "value").orElse(""), Attrs.number(item, "version")));
    }

    @Override
    public boolean compareAndSet(String key, OptionalLong expectedVersion, String value) {
        Objects.requireNonNull(value, "value");
        long next = expectedVersion.orElse(0) + 1;
        Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(
                ":value", s(value), ":next", n(next), ":now", Attrs.time(clock.instant())));
        String condition = "attribute_not_exists(#pk)";
        if (expectedVersion.isPresent()) {
            values.put(":expected", n(expectedVersion.getAsLong()));
            condition = "#version = :expected";
        }
        String when = condition;
        try {
            db.updateItem(b -> b.tableName(table).key(key(key))
                    .updateExpression("SET #value = :value, #version = :next, #updated = :now")
                    .conditionExpression(when).expressionAttributeNames(names(when)).expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return true;
        } catch (ConditionalCheckFailedException e) {
            // the winner's item comes back with the failure on AWS (no second read); emulators may omit it
            String stored = e.hasItem() && e.item().containsKey("version") ? "version " + e.item().get("version").n()
                    : "a newer version";
            LOG.log(System.Logger.Level.INFO, "cursor " + key + " of source " + source + ": compare-and-set from "
                    + (expectedVersion.isPresent() ? "version " + expectedVersion.getAsLong() : "no entry")
                    + " lost to " + stored + "; the stored cursor stands");
            return false;
        }
    }

    private static Map<String, String> names(String condition) {
        Map<String, String> names = new java.util.HashMap<>(NAMES);
        if (!condition.contains("#pk")) {
            names.remove("#pk");
        }
        return names;
    }

    private Map<String, AttributeValue> key(String key) {
        return Map.of(AwsResources.PK, s(source), AwsResources.SK, s(key));
    }
}
