package dev.sluice.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.engine.run.RunRecord;
import dev.sluice.engine.sync.PreparedDestination;
import dev.sluice.engine.sync.PreparedSource;
import dev.sluice.engine.sync.RunStatus;
import dev.sluice.engine.sync.SourceReport;
import dev.sluice.engine.sync.TableReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The report of an ended serverless run, read back from the summary the finalizer stored with
 * it in the ledger ({@code ReportJson.report}), so {@code --emulate-aws} prints the summary a
 * local sync prints.
 */
final class LedgerReports {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LedgerReports() {
    }

    /** Empty when the run has not ended or stored no summary. */
    static Optional<SourceReport> of(RunRecord run, List<PreparedSource> sources) {
        if (!run.state().ended() || run.summary().isEmpty()) {
            return Optional.empty();
        }
        JsonNode n;
        try {
            n = JSON.readTree(run.summary().get());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("run " + run.id() + ": the ledger's summary is not JSON: " + e.getOriginalMessage(), e);
        }
        List<TableReport> tables = new ArrayList<>();
        for (JsonNode t : n.path("tables")) {
            tables.add(new TableReport(t.path("table").asText(), t.path("rows").asLong(), t.path("errors").asInt(),
                    Duration.ofMillis(t.path("duration_ms").asLong()), text(t, "error"), t.path("stale_deleted").asLong(),
                    text(t, "note")));
        }
        Optional<PreparedSource> source = sources.stream().filter(s -> s.name().equals(run.run().sourceName())).findFirst();
        return Optional.of(new SourceReport(run.run(), source.map(s -> s.spec().path()).orElse(""),
                source.map(s -> s.destinations().stream().map(PreparedDestination::name).toList()).orElse(List.of()),
                tables, RunStatus.valueOf(n.path("status").asText(run.state().name())),
                Duration.ofMillis(n.path("elapsed_ms").asLong())));
    }

    private static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }
}
