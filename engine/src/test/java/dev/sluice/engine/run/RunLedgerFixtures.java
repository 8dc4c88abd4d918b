package dev.sluice.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.plan.Run;
import dev.sluice.engine.plan.WorkItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;

/** Fixtures of {@link RunLedgerContract}: a fresh ledger per test, runs, items, progress, races. */
public abstract class RunLedgerFixtures {
    protected static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    protected static final Duration STALL = Duration.ofMinutes(30);
    protected static final Duration HOLD = Duration.ofMinutes(15);

    protected RunLedger ledger;

    /** A fresh ledger that has no runs. */
    protected abstract RunLedger newLedger();

    @BeforeEach
    final void freshLedger() {
        ledger = newLedger();
    }

    /** Starts a run of {@code source} at {@code at} with one item per key ({@code table} or {@code table#partition}). */
    protected RunRecord started(String source, Instant at, String... keys) {
        RunRecord run = RunRecord.started(new Run(source + "-" + java.util.UUID.randomUUID(), source, at),
                at, at.plus(STALL), keys.length);
        assertThat(ledger.start(run, items(run, keys)).started()).as("start of " + run.id()).isTrue();
        return run;
    }

    protected static List<WorkItem> items(RunRecord run, String... keys) {
        return java.util.Arrays.stream(keys).map(k -> item(run, k)).toList();
    }

    protected static WorkItem item(RunRecord run, String key) {
        String[] parts = key.split("#", 2);
        return new WorkItem(run.id(), run.run().sourceName(), parts[0], parts.length == 2 ? parts[1] : "",
                Optional.empty(), 0);
    }

    protected static Progress progress(String table, long rows, int pages, long busyMillis) {
        return new Progress(Map.of(table, rows), pages, Duration.ofMillis(busyMillis));
    }

    protected Claim claim(WorkItem message, String claimant, Instant now) {
        return ledger.claim(message, claimant, now, now.plus(HOLD));
    }

    /** Ends and counts {@code item} for {@code claimant}: empty when it does not hold it, else whether the run is complete. */
    protected Optional<Boolean> end(WorkItem item, String claimant) {
        return end(item, claimant, ItemState.DONE, Progress.NONE, Optional.empty(), T0.plus(STALL));
    }

    protected Optional<Boolean> end(WorkItem item, String claimant, ItemState state, Progress progress,
                                    Optional<String> error, Instant deadline) {
        if (!ledger.end(item, claimant, state, progress, error)) {
            return Optional.empty();
        }
        return Optional.of(ledger.count(item, deadline));
    }

    protected ItemRecord itemRecord(RunRecord run, String key) {
        return ledger.items(run.id()).stream().filter(i -> i.current().key().equals(key)).findFirst().orElseThrow();
    }

    protected RunRecord runRecord(RunRecord run) {
        return ledger.run(run.id()).orElseThrow();
    }

    /** Runs the tasks on their own threads, released at the same instant; their results in order. */
    protected static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = IntStream.range(0, tasks.size()).mapToObj(i -> pool.submit(() -> {
                go.await();
                return tasks.get(i).call();
            })).toList();
            go.countDown();
            java.util.ArrayList<T> out = new java.util.ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get(60, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
