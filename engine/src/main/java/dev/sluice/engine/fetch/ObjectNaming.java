package dev.sluice.engine.fetch;

import dev.sluice.engine.plan.Run;
import dev.sluice.engine.plan.WorkItem;
import dev.sluice.spi.ObjectName;
import java.util.Objects;

/**
 * Names the objects one work item writes: an object is named after the page its first row
 * came from ({@link CqIds#pageKey}: run, table, partition, the page's request token), so a
 * page fetched and written again (a redelivered message, a replay after a crash) begins an
 * object of the same name, which replaces the first.
 */
record ObjectNaming(Run run, String partition, boolean fromStart) {
    ObjectNaming {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(partition, "partition");
    }

    /** The item's work item: its partition and whether it reads from the table's start. */
    static ObjectNaming of(Run run, WorkItem item) {
        return new ObjectNaming(run, item.partition(), item.resumeToken().isEmpty());
    }

    /** @param firstInItem no object of the table was begun before in this item */
    ObjectName name(byte[] pageKey, boolean firstInItem) {
        return new ObjectName(CqIds.nameBased(pageKey), run.id(), run.syncTime(),
                firstInItem && fromStart && partition.isEmpty());
    }

    /** The name of a table's object that begins at its first page. */
    ObjectName first(String table) {
        return name(CqIds.pageKey(run.id(), table, partition, ""), true);
    }
}
