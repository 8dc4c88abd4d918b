package dev.sluice.infra;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB attribute values to and from Java values. Instants are stored as fixed-width
 * ISO-8601 UTC text (nine fraction digits), so they round-trip exactly and compare correctly
 * as strings in conditions and sort keys.
 */
final class Attrs {
    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder().appendInstant(9).toFormatter();

    private Attrs() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue time(Instant value) {
        return AttributeValue.fromS(ISO.format(value));
    }

    static String text(Instant value) {
        return ISO.format(value);
    }

    static Optional<String> string(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.s() == null ? Optional.empty() : Optional.of(v.s());
    }

    static String required(Map<String, AttributeValue> item, String name) {
        return string(item, name).orElseThrow(() -> new IllegalStateException(
                "DynamoDB item " + item.get("pk") + "/" + item.get("sk") + " has no attribute " + name));
    }

    static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }

    static Optional<Instant> instant(Map<String, AttributeValue> item, String name) {
        return string(item, name).map(Instant::parse);
    }
}
