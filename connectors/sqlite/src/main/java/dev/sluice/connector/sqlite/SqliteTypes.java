package dev.sluice.connector.sqlite;

import dev.sluice.spi.ColumnType;
import java.util.Locale;

/**
 * The type each {@link ColumnType} is declared with. SQLite gives a column an <em>affinity</em>
 * from its declared name (a name containing INT: INTEGER; else CHAR, CLOB or TEXT: TEXT; else
 * BLOB or none: BLOB; else REAL, FLOA or DOUB: REAL; anything else, DATE and DECIMAL among
 * them: NUMERIC), and a NUMERIC or INTEGER column turns text that looks like a number
 * ({@code '1.10'}, {@code '20240101'}) into a number, losing its exact form. So every value
 * stored as text goes into a column whose name ends in {@code _TEXT} (TEXT affinity, and no
 * INT anywhere in it), except the instants of {@code TIMESTAMP}, kept for CloudQuery and the
 * files Sluice wrote before, whose forms never look like a number.
 *
 * <table>
 * <caption>Declared types and stored forms ({@link SqliteValues} writes and reads them)</caption>
 * <tr><th>type</th><th>declared</th><th>stored as</th></tr>
 * <tr><td>bool</td><td>BOOLEAN</td><td>integer 1 or 0</td></tr>
 * <tr><td>int8 … int64, uint8 … uint32</td><td>INTEGER</td><td>integer</td></tr>
 * <tr><td>uint64</td><td>DECIMAL_TEXT</td><td>decimal digits ({@code '18446744073709551615'}):
 *     SQLite's integers stop at 2^63-1</td></tr>
 * <tr><td>float32, float64</td><td>REAL</td><td>real (a float32 widened exactly); NaN as the
 *     text {@code 'NaN'} (SQLite stores a NaN real as NULL); -0.0 reads back as 0.0 (SQLite
 *     keeps no sign on a zero real)</td></tr>
 * <tr><td>decimal(p, s), numeric</td><td>DECIMAL_TEXT</td><td>plain decimal text, digit for
 *     digit ({@code '1.10'}, 1E+3 as {@code '1000'}); {@code 'NaN'}, {@code 'Infinity'},
 *     {@code '-Infinity'} ({@link SqliteDecimals})</td></tr>
 * <tr><td>date32</td><td>DATE_TEXT</td><td>{@code 'YYYY-MM-DD'}; {@code 'infinity'},
 *     {@code '-infinity'}; a year outside 0000–9999 with its sign, ISO 8601's expanded form
 *     ({@code '-4712-01-01'}, {@code '+10000-01-01'}) ({@link SqliteDates})</td></tr>
 * <tr><td>time64[us]</td><td>TIME_TEXT</td><td>{@code 'HH:MM:SS.ffffff'}; {@code '24:00:00'}
 *     ({@link SqliteTimes})</td></tr>
 * <tr><td>timetz</td><td>TIMETZ_TEXT</td><td>{@code 'HH:MM:SS.ffffff+HH:MM'} (the offset's
 *     seconds too if it has any)</td></tr>
 * <tr><td>timestamp[us, tz=UTC]</td><td>TIMESTAMP</td><td>UTC {@code 'YYYY-MM-DD HH:MM:SS.ffffff'};
 *     {@code 'infinity'}, {@code '-infinity'}; expanded years as for dates
 *     ({@link SqliteTimestamps})</td></tr>
 * <tr><td>timestamp[us]</td><td>DATETIME_TEXT</td><td>the same form, a wall-clock time</td></tr>
 * <tr><td>month_day_nano_interval</td><td>DURATION_TEXT</td><td>ISO 8601 with a sign per part,
 *     as PostgreSQL's {@code iso_8601} style: {@code 'P1Y2M3DT4H5M6.000007S'},
 *     {@code 'P-1M-2DT-0.000003S'}, {@code 'PT0S'} ({@link SqliteIntervals})</td></tr>
 * <tr><td>utf8 (any length, fixed or not)</td><td>TEXT</td><td>the text as given, padding
 *     included</td></tr>
 * <tr><td>binary</td><td>BLOB</td><td>the bytes</td></tr>
 * <tr><td>uuid</td><td>UUID_TEXT</td><td>lower-case canonical form</td></tr>
 * <tr><td>json</td><td>JSON_TEXT</td><td>the document's text as given (checked to be JSON)</td></tr>
 * <tr><td>inet, cidr</td><td>INET_TEXT</td><td>the address's text as given (checked to be an
 *     address; a cidr's host bits are zero) ({@link SqliteAddresses})</td></tr>
 * <tr><td>mac, mac8</td><td>MACADDR_TEXT</td><td>the address's text as given (checked)</td></tr>
 * <tr><td>list&lt;T&gt;</td><td>JSON_ARRAY_TEXT</td><td>a JSON array, nested for a list of
 *     lists; elements as {@link SqliteLists} says</td></tr>
 * </table>
 *
 * <p>Types that differ only in width or bounds (int8 and int64, float32 and float64, decimal
 * precisions, string lengths, inet and cidr, mac and mac8) share a declared type, as they share
 * a stored form: a migration between them is no change, and a stored value that does not fit
 * the column's current type fails when read, naming it. Other changes of declared type are
 * breaking ({@link SqliteSchemaDiff}).
 */
final class SqliteTypes {
    private SqliteTypes() {
    }

    static String declared(ColumnType type) {
        return switch (type.kind()) {
            case BOOL -> "BOOLEAN";
            case INT -> type.equals(ColumnType.UINT64) ? "DECIMAL_TEXT" : "INTEGER";
            case FLOAT -> "REAL";
            case DECIMAL -> "DECIMAL_TEXT";
            case DATE -> "DATE_TEXT";
            case TIME -> ((ColumnType.TimeType) type).withZone() ? "TIMETZ_TEXT" : "TIME_TEXT";
            case TIMESTAMP -> ((ColumnType.TimestampType) type).withZone() ? "TIMESTAMP" : "DATETIME_TEXT";
            case INTERVAL -> "DURATION_TEXT";
            case STRING -> "TEXT";
            case BINARY -> "BLOB";
            case UUID -> "UUID_TEXT";
            case JSON -> "JSON_TEXT";
            case INET -> "INET_TEXT";
            case MAC -> "MACADDR_TEXT";
            case LIST -> "JSON_ARRAY_TEXT";
        };
    }

    /**
     * True when a stored column declared {@code stored} holds {@code wanted} values as a column
     * declared {@link #declared} would: the same declared type (ignoring case), or TEXT where
     * Sluice declared the type TEXT before it had the names above (uint64, uuid, json and lists
     * of utf8 or int64), so those files keep working.
     */
    static boolean holds(String stored, ColumnType wanted) {
        String name = stored.trim().toUpperCase(Locale.ROOT);
        if (name.equals(declared(wanted))) {
            return true;
        }
        return name.equals("TEXT") && (wanted.equals(ColumnType.UINT64) || wanted.kind() == ColumnType.Kind.UUID
                || wanted.kind() == ColumnType.Kind.JSON || wanted.equals(ColumnType.STRING_LIST)
                || wanted.equals(ColumnType.INT64_LIST));
    }
}
