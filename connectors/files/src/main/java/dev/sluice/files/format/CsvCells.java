package dev.sluice.files.format;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.ColumnType.DecimalType;
import dev.sluice.spi.ColumnType.TimeType;
import dev.sluice.spi.ColumnType.TimestampType;
import dev.sluice.spi.Interval;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.util.Base64;

/**
 * The text of a CSV field, as CloudQuery's CSV writer (Arrow's) gives it: {@link TextForms}' forms,
 * a time with all six fraction digits, base64 bytes, a JSON column's text, and lists and intervals as
 * the JSON {@link JsonValues} writes for them.
 */
final class CsvCells {
    private final JsonValues json;
    private final boolean athena;

    CsvCells(boolean athena) {
        this.json = new JsonValues(athena);
        this.athena = athena;
    }

    String text(ColumnType type, Object v) {
        return switch (type.kind()) {
            case BOOL, INT -> v.toString();
            case FLOAT -> TextForms.floating(v);
            case DECIMAL -> TextForms.numeric((DecimalType) type, v);
            case DATE -> TextForms.date((LocalDate) v);
            case TIME -> ((TimeType) type).withZone() ? TextForms.timeWithZone((OffsetTime) v)
                    : TextForms.timeSixDigits((LocalTime) v);
            case TIMESTAMP -> ((TimestampType) type).withZone() ? TextForms.timestamp((Instant) v)
                    : TextForms.localTimestamp((LocalDateTime) v);
            case INTERVAL -> TextForms.interval((Interval) v);
            case STRING, INET, MAC -> (String) v;
            case BINARY -> Base64.getEncoder().encodeToString((byte[]) v);
            case UUID -> v.toString();
            case JSON -> JsonText.stored((String) v, athena);
            case LIST -> asJson(type, v);
        };
    }

    private String asJson(ColumnType type, Object v) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JsonText.FACTORY.createGenerator(out)) {
            json.write(g, type, v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
