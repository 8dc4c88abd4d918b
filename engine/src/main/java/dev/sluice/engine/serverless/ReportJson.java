package dev.sluice.engine.serverless;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.run.ItemRecord;
import dev.sluice.engine.run.RunRecord;
import dev.sluice.engine.sync.SourceReport;
import dev.sluice.engine.sync.TableReport;
import java.util.List;

/** JSON views of runs for the API and the run ledger: the final report and live per-table progress. */
public final class ReportJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportJson() {
    }

    /** The report of an ended run, stored with it. */
    public static String report(SourceReport report) {
        ObjectNode n = JSON.createObjectNode();
        n.put("status", report.status().name());
        n.put("rows", report.rows());
        n.put("errors", report.errors());
        n.put("elapsed_ms", report.duration().toMillis());
        ArrayNode tables = n.putArray("tables");
        for (TableReport t : report.tables()) {
            ObjectNode tn = tables.addObject();
            tn.put("table", t.table());
            tn.put("rows", t.rows());
            tn.put("errors", t.errors());
            tn.put("duration_ms", t.duration().toMillis());
            t.error().ifPresent(e -> tn.put("error", e));
            tn.put("stale_deleted", t.staleDeleted());
            t.staleNote().ifPresent(note -> tn.put("note", note));
        }
        return n.toString();
    }

    /** A run with its items: what {@code GET /syncs/{id}} answers. */
    public static ObjectNode run(RunRecord r, List<ItemRecord> items) {
        ObjectNode n = summary(r);
        ArrayNode list = n.putArray("items");
        for (ItemRecord i : items) {
            ObjectNode in = list.addObject();
            in.put("table", i.current().table());
            in.put("partition", i.current().partition());
            in.put("state", i.state().name());
            in.put("continuations", i.current().sequence());
            in.put("pages", i.pages());
            ObjectNode rows = in.putObject("rows");
            i.rows().forEach(rows::put);
            i.error().ifPresent(e -> in.put("error", e));
        }
        r.summary().ifPresent(s -> {
            try {
                n.set("report", JSON.readTree(s));
            } catch (java.io.IOException e) {
                n.put("report", s);
            }
        });
        return n;
    }

    /** One line of {@code GET /syncs}. */
    public static ObjectNode summary(RunRecord r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", r.id());
        n.put("source", r.run().sourceName());
        n.put("status", r.state().name());
        n.put("sync_time", r.run().syncTime().toString());
        n.put("started_at", r.startedAt().toString());
        r.endedAt().ifPresent(t -> n.put("ended_at", t.toString()));
        n.put("deadline", r.deadline().toString());
        n.put("items_total", r.itemsTotal());
        n.put("items_ended", r.itemsEnded());
        n.put("rows", r.rows());
        return n;
    }
}
