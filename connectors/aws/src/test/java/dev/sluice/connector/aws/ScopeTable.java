package dev.sluice.connector.aws;

import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.Table;
import java.util.List;
import java.util.Optional;

/** A regional test table whose one row is the scope it is read in: checks the source's fan-out. */
final class ScopeTable implements AwsTable {
    static final String NAME = "test_scope";

    @Override
    public Table table() {
        return Table.of(NAME, "", List.of(Column.primaryKey("account_id", ColumnType.STRING),
                Column.primaryKey("region", ColumnType.STRING)));
    }

    @Override
    public boolean global() {
        return false;
    }

    @Override
    public AwsPage fetch(AwsClients clients, Scope scope, Optional<String> token) {
        return new AwsPage(List.<Object[]>of(new Object[] {scope.accountId(), scope.region()}), Optional.empty());
    }
}
