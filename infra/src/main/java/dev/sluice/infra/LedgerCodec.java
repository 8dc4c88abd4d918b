package dev.sluice.infra;

import static dev.sluice.infra.Attrs.n;
import static dev.sluice.infra.Attrs.s;

import dev.sluice.engine.plan.Run;
import dev.sluice.engine.plan.WorkItem;
import dev.sluice.engine.run.ItemRecord;
import dev.sluice.engine.run.ItemState;
import dev.sluice.engine.run.RunRecord;
import dev.sluice.engine.run.RunState;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The runs table's items: a run record ({@code pk} {@code run#<id>}, {@code sk} {@code run}),
 * its work items ({@code sk} {@code item#<key>}) and a source's lease ({@code pk}
 * {@code lease#<source>}, {@code sk} {@code lease}) and the run's end-count groups ({@code sk}
 * {@code count#<n>}), to and from {@link RunRecord} and
 * {@link ItemRecord}. Attribute names are the constants below.
 */
final class LedgerCodec {
    static final String RUN_ID = "run_id";
    static final String SOURCE = "source";
    static final String SYNC_TIME = "sync_time";
    static final String STATE = "state";
    static final String DEADLINE = "deadline";
    static final String ENDED_AT = "ended_at";
    static final String ITEMS_TOTAL = "items_total";
    static final String ENDED_COUNT = "ended_count";
    static final String COUNTED_GROUPS = "counted_groups";
    static final String GROUP_SIZE = "group_size";
    static final String KEYS = "keys";
    static final String ROWS = "rows";
    static final String SUMMARY = "summary";
    static final String FINALIZER = "finalizer";
    static final String FINALIZE_UNTIL = "finalize_until";
    static final String TABLE = "table_name";
    static final String PARTITION = "partition";
    static final String ORDINAL = "ordinal";
    static final String SEQUENCE = "sequence";
    static final String RESUME_TOKEN = "resume_token";
    static final String PAGES = "pages";
    static final String ERROR = "error";
    static final String BUSY_NANOS = "busy_nanos";
    static final String HOLDER = "holder";
    static final String HOLD_UNTIL = "hold_until";
    static final String LEASE_UNTIL = "lease_until";
    static final String RUN_KIND = "run";

    private LedgerCodec() {
    }

    static Map<String, AttributeValue> runKey(String runId) {
        return Map.of(AwsResources.PK, s("run#" + runId), AwsResources.SK, s("run"));
    }

    static Map<String, AttributeValue> itemKey(String runId, String itemKey) {
        return Map.of(AwsResources.PK, s("run#" + runId), AwsResources.SK, s("item#" + itemKey));
    }

    /** The end-count group {@code group} of a run: the keys of its ended items, and their rows. */
    static Map<String, AttributeValue> groupKey(String runId, long group) {
        return Map.of(AwsResources.PK, s("run#" + runId), AwsResources.SK, s("count#" + group));
    }

    static Map<String, AttributeValue> leaseKey(String source) {
        return Map.of(AwsResources.PK, s("lease#" + source), AwsResources.SK, s("lease"));
    }

    static Map<String, AttributeValue> encodeRun(RunRecord r) {
        Map<String, AttributeValue> m = new HashMap<>(runKey(r.id()));
        m.put(AwsResources.KIND, s(RUN_KIND));
        m.put(RUN_ID, s(r.id()));
        m.put(SOURCE, s(r.run().sourceName()));
        m.put(SYNC_TIME, Attrs.time(r.run().syncTime()));
        m.put(STATE, s(r.state().name()));
        m.put(AwsResources.STARTED_AT, Attrs.time(r.startedAt()));
        m.put(DEADLINE, Attrs.time(r.deadline()));
        r.endedAt().ifPresent(t -> m.put(ENDED_AT, Attrs.time(t)));
        m.put(ITEMS_TOTAL, n(r.itemsTotal()));
        m.put(ENDED_COUNT, n(r.itemsEnded()));
        m.put(ROWS, n(r.rows()));
        r.summary().ifPresent(t -> m.put(SUMMARY, s(t)));
        return m;
    }

    static RunRecord decodeRun(Map<String, AttributeValue> m) {
        Run run = new Run(Attrs.required(m, RUN_ID), Attrs.required(m, SOURCE), Attrs.instant(m, SYNC_TIME).orElseThrow());
        int endedItems = (int) Attrs.number(m, ENDED_COUNT);
        return new RunRecord(run, RunState.valueOf(Attrs.required(m, STATE)),
                Attrs.instant(m, AwsResources.STARTED_AT).orElseThrow(), Attrs.instant(m, DEADLINE).orElseThrow(),
                Attrs.instant(m, ENDED_AT), (int) Attrs.number(m, ITEMS_TOTAL), endedItems, Attrs.number(m, ROWS),
                Attrs.string(m, SUMMARY));
    }

    /** The string set {@code name} of an item (empty when absent). */
    static List<String> set(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasSs() ? List.of() : v.ss();
    }

    static Map<String, AttributeValue> encodeItem(WorkItem item, int ordinal) {
        Map<String, AttributeValue> m = new HashMap<>(itemKey(item.runId(), item.key()));
        m.put(RUN_ID, s(item.runId()));
        m.put(SOURCE, s(item.sourceName()));
        m.put(TABLE, s(item.table()));
        m.put(PARTITION, s(item.partition()));
        m.put(ORDINAL, n(ordinal));
        m.put(SEQUENCE, n(item.sequence()));
        item.resumeToken().ifPresent(t -> m.put(RESUME_TOKEN, s(t)));
        m.put(STATE, s(ItemState.PENDING.name()));
        m.put(ROWS, AttributeValue.fromM(Map.of()));
        m.put(PAGES, n(0));
        m.put(BUSY_NANOS, n(0));
        return m;
    }

    static ItemRecord decodeItem(Map<String, AttributeValue> m) {
        WorkItem current = new WorkItem(Attrs.required(m, RUN_ID), Attrs.required(m, SOURCE), Attrs.required(m, TABLE),
                Attrs.string(m, PARTITION).orElse(""), Attrs.string(m, RESUME_TOKEN), Attrs.number(m, SEQUENCE));
        return new ItemRecord(current, ItemState.valueOf(Attrs.required(m, STATE)), rows(m), (int) Attrs.number(m, PAGES),
                Attrs.string(m, ERROR), Duration.ofNanos(Attrs.number(m, BUSY_NANOS)));
    }

    static Map<String, Long> rows(Map<String, AttributeValue> m) {
        AttributeValue rows = m.get(ROWS);
        Map<String, Long> out = new LinkedHashMap<>();
        if (rows != null && rows.hasM()) {
            rows.m().forEach((table, count) -> out.put(table, Long.parseLong(count.n())));
        }
        return out;
    }

    static AttributeValue encodeRows(Map<String, Long> rows) {
        Map<String, AttributeValue> m = new HashMap<>();
        rows.forEach((table, count) -> m.put(table, n(count)));
        return AttributeValue.fromM(m);
    }

    static Optional<String> holder(Map<String, AttributeValue> item) {
        return Attrs.string(item, HOLDER);
    }
}
