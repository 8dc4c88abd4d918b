package dev.sluice.engine.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.plan.WorkItem;
import dev.sluice.engine.run.ItemRecord;
import dev.sluice.engine.run.MemoryRunLedger;
import dev.sluice.engine.run.RunLedger;
import dev.sluice.engine.run.RunRecord;
import dev.sluice.engine.run.RunState;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RunFinalizer} on the in-memory ledger: a sweep that isolates runs, and a run whose items are missing fails. */
class RunFinalizerTest {
    @TempDir
    Path dir;

    /** The memory ledger, except that reading the items of {@code broken} throws and those of {@code partial} lose one. */
    private static RunLedger faulty(MemoryRunLedger ledger, Set<String> broken, Set<String> partial) {
        return (RunLedger) Proxy.newProxyInstance(RunLedger.class.getClassLoader(), new Class<?>[] {RunLedger.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("items") && broken.contains((String) args[0])) {
                        throw new IllegalStateException("injected: the items of " + args[0] + " cannot be read");
                    }
                    try {
                        Object result = method.invoke(ledger, args);
                        if (method.getName().equals("items") && partial.contains((String) args[0])) {
                            return ((List<?>) result).subList(1, ((List<?>) result).size());
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static String start(ServerlessHarness h) {
        return new RunStarter(h.ctx).start(Optional.empty(), List.of()).get(0).runId().orElseThrow();
    }

    @Test
    void oneRunThatCannotBeClosedDoesNotStopTheSweepForTheOthers() {
        MemoryRunLedger memory = new MemoryRunLedger();
        java.util.Set<String> broken = new java.util.HashSet<>();
        RunLedger ledger = faulty(memory, broken, Set.of());
        String bad;
        String good;
        try (ServerlessHarness a = new ServerlessHarness(dir.resolve("a"), ledger, "a")) {
            bad = start(a);
        }
        try (ServerlessHarness b = new ServerlessHarness(dir.resolve("b"), ledger, "b")) {
            good = start(b);
            broken.add(bad);
            b.clock.advance(Duration.ofMinutes(31));
            assertThat(new RunFinalizer(b.ctx).sweep("sweeper")).containsExactly(good);
            assertThat(memory.run(good).orElseThrow().state()).isEqualTo(RunState.FAILED);
            assertThat(memory.run(bad).orElseThrow().state()).as("left to the next sweep").isEqualTo(RunState.RUNNING);
        }
    }

    @Test
    void aRunWhoseItemListIsIncompleteFailsAndDeletesNothing() {
        MemoryRunLedger memory = new MemoryRunLedger();
        java.util.Set<String> partial = new java.util.HashSet<>();
        RunLedger ledger = faulty(memory, Set.of(), partial);
        try (ServerlessHarness h = new ServerlessHarness(dir, ledger, "src")) {
            String id = start(h);
            WorkItem m = h.queue.work.get(0);
            assertThat(new ItemHandler(h.ctx).handle(m, "a", () -> Duration.ofMinutes(10), 1).kind())
                    .isEqualTo(FetchResult.Kind.DONE);
            partial.add(id);
            new RunFinalizer(h.ctx).finalizeRun(id, "f");
            RunRecord run = memory.run(id).orElseThrow();
            assertThat(run.state()).as("not SUCCEEDED with nothing recorded").isEqualTo(RunState.FAILED);
            assertThat(run.summary().orElseThrow()).contains("no work item of table test_some_table has an outcome");
            List<ItemRecord> items = memory.items(id);
            assertThat(items).hasSize(1);
        }
    }
}
