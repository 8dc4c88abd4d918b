package dev.sluice.engine.serverless;

import dev.sluice.engine.plan.Planner;
import dev.sluice.engine.plan.Run;
import dev.sluice.engine.plan.TableSelector;
import dev.sluice.engine.plan.WorkItem;
import dev.sluice.engine.run.RunRecord;
import dev.sluice.engine.run.StartResult;
import dev.sluice.engine.sync.Migrations;
import dev.sluice.engine.sync.SelectedSource;
import dev.sluice.spi.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The planner: starts one run per source (or the named one), on all its selected tables or
 * a subset: migrates the destinations, plans work items, records the run under the source's
 * lease and puts the items on the queue. A source with an active run is refused before
 * anything is migrated: the check is a key lookup of the source's lease, however many
 * sources and runs there are; the ledger's lease is the real guard.
 */
public final class RunStarter {
    private static final System.Logger LOG = System.getLogger(RunStarter.class.getName());

    private final ServerlessContext ctx;

    public RunStarter(ServerlessContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param source empty for every source of the config
     * @param tables top-level table names or globs among the source's selected tables; empty for all
     * @throws BadRequestException for a source or table the config does not have
     */
    public List<StartOutcome> start(Optional<String> source, List<String> tables) {
        List<SelectedSource> chosen = choose(source, tables);
        List<StartOutcome> outcomes = new ArrayList<>();
        for (SelectedSource s : chosen) {
            outcomes.add(startOne(s));
        }
        return outcomes;
    }

    private List<SelectedSource> choose(Optional<String> source, List<String> tables) {
        if (source.isEmpty()) {
            if (!tables.isEmpty()) {
                throw new BadRequestException("\"tables\" needs \"source\": name the source whose tables to sync");
            }
            return ctx.sources();
        }
        SelectedSource s = ctx.source(source.get()).orElseThrow(() -> new BadRequestException(
                "no source named \"" + source.get() + "\" in the config (sources: "
                        + ctx.sources().stream().map(x -> x.prepared().name()).toList() + ")"));
        if (tables.isEmpty()) {
            return List.of(s);
        }
        List<Table> picked;
        try {
            picked = TableSelector.select(s.tables(), tables, List.of(), true);
        } catch (TableSelector.NoMatchException e) {
            throw new BadRequestException("source " + s.prepared().name() + ": " + e.getMessage()
                    + " (selected tables: " + s.tables().stream().map(Table::name).toList() + ")");
        }
        List<String> names = picked.stream().map(Table::name).toList();
        return List.of(ServerlessContext.narrow(s, names));
    }

    private StartOutcome startOne(SelectedSource s) {
        String name = s.prepared().name();
        Instant now = ctx.settings().clock().instant();
        Optional<String> active = ctx.ledger().active(name, now);
        if (active.isPresent()) {
            return new StartOutcome(name, Optional.empty(), active, 0);
        }
        Migrations.migrate(ctx.prepared(), List.of(s), Map.of(name, ctx.targets(name)), ctx.settings().retry());
        Run run = Run.start(name, now);
        List<WorkItem> items = Planner.plan(run, s.prepared().source(), s.tables());
        StartResult result = ctx.ledger().start(RunRecord.started(run, now, now.plus(ctx.settings().stall()), items.size()), items);
        if (!result.started()) {
            return new StartOutcome(name, Optional.empty(), result.activeRunId(), 0);
        }
        ctx.queue().enqueue(items);
        LOG.log(System.Logger.Level.INFO, "source {0}: run {1} started with {2} work items", name, run.id(), items.size());
        return new StartOutcome(name, Optional.of(run.id()), Optional.empty(), items.size());
    }
}
