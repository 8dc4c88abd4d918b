package dev.sluice.files.format;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.ColumnType.DecimalType;
import dev.sluice.spi.ColumnType.JsonType;
import dev.sluice.spi.ColumnType.ListType;
import dev.sluice.spi.ColumnType.TimeType;
import dev.sluice.spi.ColumnType.TimestampType;
import dev.sluice.spi.Interval;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.util.Base64;
import java.util.List;

/**
 * Writes a value as JSON the way CloudQuery's JSON writer does: true/false, numbers for integers
 * (uint64 included) and finite floats, strings for NaN/+Inf/-Inf, decimals, dates, times,
 * timestamps ({@link TextForms}), base64 for bytes, an object {@code months/days/nanoseconds} for an
 * interval, a JSON column's document itself, arrays for lists.
 */
final class JsonValues {
    private final boolean athena;

    JsonValues(boolean athena) {
        this.athena = athena;
    }

    void write(JsonGenerator g, ColumnType type, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
            return;
        }
        switch (type.kind()) {
            case BOOL -> g.writeBoolean((Boolean) v);
            case INT -> {
                if (v instanceof BigInteger b) {
                    g.writeNumber(b);
                } else {
                    g.writeNumber((Long) v);
                }
            }
            case FLOAT -> writeFloat(g, v);
            case DECIMAL -> g.writeString(TextForms.numeric((DecimalType) type, v));
            case DATE -> g.writeString(TextForms.date((LocalDate) v));
            case TIME -> g.writeString(((TimeType) type).withZone() ? TextForms.timeWithZone((OffsetTime) v)
                    : TextForms.time((LocalTime) v));
            case TIMESTAMP -> g.writeString(((TimestampType) type).withZone() ? TextForms.timestamp((Instant) v)
                    : TextForms.localTimestamp((LocalDateTime) v));
            case INTERVAL -> writeInterval(g, (Interval) v);
            case STRING, INET, MAC -> g.writeString((String) v);
            case BINARY -> g.writeString(Base64.getEncoder().encodeToString((byte[]) v));
            case UUID -> g.writeString(v.toString());
            case JSON -> JsonText.embed((String) v, g, ((JsonType) type).exactText(), athena);
            case LIST -> {
                ColumnType element = ((ListType) type).element();
                g.writeStartArray();
                for (Object e : (List<?>) v) {
                    write(g, element, e);
                }
                g.writeEndArray();
            }
        }
    }

    private static void writeFloat(JsonGenerator g, Object v) throws IOException {
        String special = TextForms.nonFinite(((Number) v).doubleValue());
        if (special != null) {
            g.writeString(special);
        } else if (v instanceof Float f) {
            g.writeNumber(f);
        } else {
            g.writeNumber((Double) v);
        }
    }

    private static void writeInterval(JsonGenerator g, Interval i) throws IOException {
        g.writeStartObject();
        g.writeNumberField("months", i.months());
        g.writeNumberField("days", i.days());
        g.writeNumberField("nanoseconds", TextForms.nanoseconds(i));
        g.writeEndObject();
    }
}
