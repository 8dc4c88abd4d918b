package dev.sluice.cli;

import dev.sluice.engine.plan.Planner;
import dev.sluice.engine.plan.Run;
import dev.sluice.engine.plan.WorkItem;
import dev.sluice.engine.sync.PreparedSync;
import dev.sluice.engine.sync.SelectedSource;
import dev.sluice.spi.Table;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Shows the work items a sync would run (one per table partition), writing nothing.")
final class PlanCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (PreparedSync prepared = common.prepare()) {
            for (SelectedSource s : prepared.selectTables()) {
                Run run = Run.start(s.prepared().name(), Instant.now());
                List<WorkItem> items = Planner.plan(run, s.prepared().source(), s.tables());
                out.printf("source %s: %d work item(s), %d at a time, to %s%n", s.prepared().name(), items.size(),
                        s.prepared().concurrency(), String.join(", ", s.prepared().spec().destinations()));
                for (WorkItem item : items) {
                    Table t = s.tables().stream().filter(x -> x.name().equals(item.table())).findFirst().orElseThrow();
                    List<String> children = t.flatten().stream().skip(1).map(Table::name).toList();
                    out.printf("  %s%s%s%s%n", item.table(),
                            item.partition().isEmpty() ? "" : " [partition " + item.partition() + "]",
                            t.incremental() ? " (incremental on " + t.cursorColumn().get() + ")" : "",
                            children.isEmpty() ? "" : " with " + String.join(", ", children));
                }
            }
        }
        return Main.OK;
    }
}
