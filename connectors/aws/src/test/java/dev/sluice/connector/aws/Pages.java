package dev.sluice.connector.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.spi.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads every page of a table in a scope, checking each value against its column's type. */
final class Pages {
    final List<AwsPage> pages = new ArrayList<>();
    final List<Object[]> rows = new ArrayList<>();

    static Pages readAll(AwsTable table, AwsClients clients, Scope scope) {
        Pages all = new Pages();
        Optional<String> token = Optional.empty();
        do {
            AwsPage page = table.fetch(clients, scope, token);
            all.pages.add(page);
            for (Object[] row : page.rows()) {
                assertThat(row).hasSize(table.table().columns().size());
                for (int i = 0; i < row.length; i++) {
                    Column c = table.table().columns().get(i);
                    assertThat(c.type().accepts(row[i])).as("%s.%s = %s: %s", table.table().name(), c.name(), row[i],
                            c.type().whyNot(row[i])).isTrue();
                    assertThat(row[i] != null || !c.notNull()).as("%s is not null", c.name()).isTrue();
                }
                all.rows.add(row);
            }
            assertThat(all.pages).as("pages read before the last").hasSizeLessThan(1000);
            token = page.next();
        } while (token.isPresent());
        return all;
    }

    /** The value of {@code column} in {@code row}. */
    static Object value(AwsTable table, Object[] row, String column) {
        int i = table.table().columnIndex(column);
        assertThat(i).as("column " + column).isNotNegative();
        return row[i];
    }
}
