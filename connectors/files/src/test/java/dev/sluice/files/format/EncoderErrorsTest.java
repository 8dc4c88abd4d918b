package dev.sluice.files.format;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.Interval;
import dev.sluice.spi.TableSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EncoderErrorsTest {

    private static RowEncoder open(FileFormat format, Column column) throws IOException {
        TableSchema table = new TableSchema("orders", List.of(column), List.of(), List.of());
        return RowEncoders.open(table, FormatOptions.defaults(format), new ByteArrayOutputStream());
    }

    private static List<Object[]> row(Object... values) {
        return List.<Object[]>of(values);
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void aValueThatDoesNotFitItsColumnNamesTableColumnAndWhy(FileFormat format) throws IOException {
        RowEncoder e = open(format, Column.of("amount", ColumnType.decimal(5, 2)));
        assertThatThrownBy(() -> e.write(row(new BigDecimal("1234.5"))))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("table orders, column amount: 1234.5 does not fit decimal(5, 2)");
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void aValueOfAnotherClassIsRefused(FileFormat format) throws IOException {
        RowEncoder e = open(format, Column.of("n", ColumnType.INT64));
        assertThatThrownBy(() -> e.write(row("12")))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("table orders, column n: an int64 value cannot be a utf8 value");
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void nullInAColumnThatIsNeverNull(FileFormat format) throws IOException {
        RowEncoder e = open(format, Column.primaryKey("id", ColumnType.INT64));
        assertThatThrownBy(() -> e.write(row((Object) null)))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("table orders, column id: null in a column that is never null");
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void aRowWithTheWrongNumberOfValues(FileFormat format) throws IOException {
        RowEncoder e = open(format, Column.of("n", ColumnType.INT64));
        assertThatThrownBy(() -> e.write(row(1L, 2L)))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("table orders: a row has 2 values for 1 columns");
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void textThatIsNotJsonInAJsonColumn(FileFormat format) throws IOException {
        RowEncoder e = open(format, Column.of("doc", ColumnType.JSON));
        assertThatThrownBy(() -> e.write(row("{\"a\": ")))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("table orders, column doc: the text is not JSON");
        RowEncoder two = open(format, Column.of("doc", ColumnType.JSON));
        assertThatThrownBy(() -> two.write(row("1 2")))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("table orders, column doc: the text holds more than one JSON value");
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void anIntervalBeyondCloudQuerysNanoseconds(FileFormat format) throws IOException {
        RowEncoder e = open(format, Column.of("wait", ColumnType.INTERVAL));
        assertThatThrownBy(() -> e.write(row(new Interval(0, 0, Long.MAX_VALUE / 10))))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("table orders, column wait: an interval of 922337203685477580 microseconds"
                        + " does not fit CloudQuery's 64-bit nanoseconds");
    }

    @org.junit.jupiter.api.Test
    void parquetDecimalsHaveNoNaN() throws IOException {
        RowEncoder e = open(FileFormat.PARQUET, Column.of("amount", ColumnType.decimal(10, 2)));
        assertThatThrownBy(() -> e.write(row(Double.NaN)))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("table orders, column amount: Parquet's DECIMAL has no NaN");
    }

    @org.junit.jupiter.api.Test
    void parquetDatesAre32BitDays() throws IOException {
        RowEncoder e = open(FileFormat.PARQUET, Column.of("due", ColumnType.DATE));
        assertThatThrownBy(() -> e.write(row(LocalDate.of(6_000_000, 1, 1))))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("table orders, column due: 6000000-01-01 is outside Parquet's dates");
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void anIOExceptionOfTheStreamPropagates(FileFormat format) throws IOException {
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
        TableSchema table = new TableSchema("orders", List.of(Column.of("n", ColumnType.INT64)), List.of(), List.of());
        assertThatThrownBy(() -> {
            RowEncoder e = RowEncoders.open(table, FormatOptions.defaults(format), failing);
            e.write(row(1L));
            e.finish();
        }).isInstanceOf(IOException.class).hasMessageContaining("disk full");
    }
}
