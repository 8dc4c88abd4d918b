package dev.sluice.infra;

import static dev.sluice.infra.Attrs.n;
import static dev.sluice.infra.Attrs.s;

import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cursors table's update and condition expressions, in one place. A write from version
 * {@code e} to {@code e + 1} is accepted when the stored version is still {@code e} (or the
 * entry is absent and {@code e} is empty) and, for a positioned write, the stored position
 * sorts before the new one; or when the stored entry already is this very write (version
 * {@code e + 1}, same value, same position): the retry of a request that landed.
 */
final class CursorExpressions {
    static final String VALUE = "value";
    static final String VERSION = "version";
    static final String POSITION = "position";
    static final String UPDATED_AT = "updated_at";

    private CursorExpressions() {
    }

    static String set(Expr e, OptionalLong expected, String value, Optional<String> position, AttributeValue now) {
        return "SET " + e.eq(VALUE, s(value)) + ", " + e.eq(VERSION, n(expected.orElse(0) + 1)) + ", " + e.eq(UPDATED_AT, now)
                + position.map(p -> ", " + e.eq(POSITION, s(p))).orElse("");
    }

    static String condition(Expr e, OptionalLong expected, String value, Optional<String> position) {
        String fresh = expected.isPresent() ? e.eq(VERSION, n(expected.getAsLong()))
                : "attribute_not_exists(" + e.n(AwsResources.PK) + ")";
        String ahead = position.map(p -> " AND (attribute_not_exists(" + e.n(POSITION) + ") OR " + e.n(POSITION) + " < "
                + e.v(s(p)) + ")").orElse("");
        String landed = e.eq(VERSION, n(expected.orElse(0) + 1)) + " AND " + e.eq(VALUE, s(value))
                + position.map(p -> " AND " + e.eq(POSITION, s(p))).orElse("");
        return "(" + fresh + ahead + ") OR (" + landed + ")";
    }
}
