package dev.sluice.engine.sync;

import dev.sluice.spi.Source;
import dev.sluice.spi.Table;
import java.util.List;
import java.util.OptionalLong;

/** The rows a source expects to read for its selected tables, children included, if it can estimate every one. */
final class RowEstimates {
    private static final System.Logger LOG = System.getLogger(RowEstimates.class.getName());

    private RowEstimates() {
    }

    static OptionalLong of(Source source, List<Table> tables) {
        long total = 0;
        try {
            for (Table top : tables) {
                for (Table t : top.flatten()) {
                    OptionalLong n = source.estimatedRows(t);
                    if (n.isEmpty()) {
                        return OptionalLong.empty();
                    }
                    total += n.getAsLong();
                }
            }
        } catch (RuntimeException e) { // an estimate is a nicety: the sync goes on without one
            LOG.log(System.Logger.Level.DEBUG, "no row estimate: {0}", e.getMessage());
            return OptionalLong.empty();
        }
        return OptionalLong.of(total);
    }
}
