package dev.sluice.engine.sync;

import dev.sluice.spi.Table;
import java.util.List;
import java.util.Objects;

/** An opened source and the tables its config selects (top-level, with selected children). */
public record SelectedSource(PreparedSource prepared, List<Table> tables) {
    public SelectedSource {
        Objects.requireNonNull(prepared, "prepared");
        tables = List.copyOf(tables);
    }

    public boolean hasIncrementalTables() {
        return tables.stream().flatMap(t -> t.flatten().stream()).anyMatch(Table::incremental);
    }
}
