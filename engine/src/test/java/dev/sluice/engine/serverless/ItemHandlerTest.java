package dev.sluice.engine.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.fetch.CrashPoints;
import dev.sluice.engine.plan.WorkItem;
import dev.sluice.engine.run.Claim;
import dev.sluice.engine.run.ItemState;
import dev.sluice.engine.run.MemoryRunLedger;
import dev.sluice.engine.run.Progress;
import dev.sluice.engine.run.RunRecord;
import dev.sluice.spi.TransientException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ItemHandler} on the in-memory ledger: claims that keep runs alive, retries, duplicates, uncounted ends. */
class ItemHandlerTest {
    private static final Duration BUDGET = Duration.ofMinutes(10);

    @TempDir
    Path dir;
    private final MemoryRunLedger ledger = new MemoryRunLedger();
    private ServerlessHarness h;
    private String runId;

    @BeforeEach
    void startRun() {
        h = new ServerlessHarness(dir, ledger, "src");
        runId = new RunStarter(h.ctx).start(Optional.empty(), List.of()).get(0).runId().orElseThrow();
        assertThat(h.queue.work).hasSize(1);
    }

    @AfterEach
    void close() {
        CrashPoints.clear();
        h.close();
    }

    private FetchResult handle(WorkItem m, String claimant, int receiveCount) {
        return new ItemHandler(h.ctx).handle(m, claimant, () -> BUDGET, receiveCount);
    }

    private RunRecord run() {
        return ledger.run(runId).orElseThrow();
    }

    @Test
    void aClaimKeepsTheRunAliveUntilItsMessageCanNoLongerComeBack() {
        WorkItem m = h.queue.work.get(0);
        assertThat(run().deadline()).isEqualTo(ServerlessHarness.T0.plus(h.ctx.settings().stall()));
        AtomicInteger pages = new AtomicInteger();
        CrashPoints.install(p -> {
            if (p == CrashPoints.Point.AFTER_WRITE && pages.incrementAndGet() == 2) {
                throw new CrashPoints.Crash(p);
            }
        });
        try {
            handle(m, "a", 1);
        } catch (CrashPoints.Crash died) {
            // the invocation died mid-item: no hand-back, nothing recorded but the claim
        }
        CrashPoints.clear();
        assertThat(run().deadline()).as("the visibility timeout, then the stall")
                .isEqualTo(ServerlessHarness.T0.plus(Duration.ofMinutes(90)).plus(h.ctx.settings().stall()));
        h.clock.advance(Duration.ofMinutes(60));
        assertThat(ledger.overdue(h.clock.instant())).as("the sweep leaves it alone").isEmpty();
        h.clock.advance(Duration.ofMinutes(31));
        assertThat(handle(m, "b", 2).kind()).as("the redelivery after the visibility timeout").isEqualTo(FetchResult.Kind.DONE);
        assertThat(run().allItemsEnded()).isTrue();
        assertThat(run().rows()).isEqualTo(12);
        assertThat(h.queue.finalizeRequests).containsExactly(runId);
    }

    @Test
    void aTransientFailureIsHandedBackAndTheRedeliveryFinishesTheItem() {
        WorkItem m = h.queue.work.get(0);
        AtomicInteger failures = new AtomicInteger();
        CrashPoints.install(p -> {
            if (p == CrashPoints.Point.AFTER_WRITE && failures.getAndIncrement() == 0) {
                throw new TransientException("the destination is restarting");
            }
        });
        FetchResult first = handle(m, "a", 1);
        assertThat(first.kind()).isEqualTo(FetchResult.Kind.RETRY);
        assertThat(first.comeBackAfter()).as("the queue handler's backoff").isEmpty();
        assertThat(ledger.items(runId).get(0).state()).isEqualTo(ItemState.PENDING);
        h.clock.advance(Duration.ofSeconds(30));
        assertThat(handle(m, "b", 2).kind()).isEqualTo(FetchResult.Kind.DONE);
        assertThat(h.queue.finalizeRequests).containsExactly(runId);
        assertThat(run().rows()).isEqualTo(12);
    }

    @Test
    void aTransientFailureOnTheLastDeliveryEndsTheItemFailed() {
        CrashPoints.install(p -> {
            if (p == CrashPoints.Point.AFTER_WRITE) {
                throw new TransientException("still down");
            }
        });
        FetchResult r = handle(h.queue.work.get(0), "a", h.ctx.settings().maxReceives());
        assertThat(r.kind()).isEqualTo(FetchResult.Kind.FAILED);
        assertThat(ledger.items(runId).get(0).error()).hasValueSatisfying(e -> assertThat(e).contains("still down"));
        assertThat(h.queue.finalizeRequests).containsExactly(runId);
    }

    @Test
    void aDuplicateHeldByAnotherHandlerComesBackWhenTheHoldEnds() {
        WorkItem m = h.queue.work.get(0);
        assertThat(ledger.claim(m, "holder", h.clock.instant(), h.clock.instant().plus(Duration.ofMinutes(12))).verdict())
                .isEqualTo(Claim.Verdict.ACCEPTED);
        h.clock.advance(Duration.ofMinutes(2));
        FetchResult dup = handle(m, "dup", 1);
        assertThat(dup.kind()).isEqualTo(FetchResult.Kind.RETRY);
        assertThat(dup.comeBackAfter()).contains(Duration.ofMinutes(10).plusSeconds(5));
        assertThat(handle(m, "dup", h.ctx.settings().maxReceives()).kind()).as("its last delivery").isEqualTo(FetchResult.Kind.DROPPED);
        h.clock.advance(Duration.ofMinutes(10).plusSeconds(5));
        assertThat(handle(m, "dup", 2).kind()).as("the holder died: the duplicate finishes the item").isEqualTo(FetchResult.Kind.DONE);
        assertThat(run().allItemsEnded()).isTrue();
    }

    @Test
    void aRedeliveryOfAnEndedButUncountedItemCountsItAndAsksForFinalization() {
        WorkItem m = h.queue.work.get(0);
        CrashPoints.install(p -> {
            if (p == CrashPoints.Point.AFTER_END) {
                throw new CrashPoints.Crash(p);
            }
        });
        try {
            handle(m, "a", 1);
        } catch (CrashPoints.Crash died) {
            // ended, not counted
        }
        CrashPoints.clear();
        assertThat(run().allItemsEnded()).isFalse();
        assertThat(h.queue.finalizeRequests).isEmpty();
        FetchResult again = handle(m, "b", 2);
        assertThat(again.kind()).isEqualTo(FetchResult.Kind.DROPPED);
        assertThat(run().allItemsEnded()).isTrue();
        assertThat(run().rows()).isEqualTo(12);
        assertThat(h.queue.finalizeRequests).containsExactly(runId);
        assertThat(handle(m, "c", 3).kind()).isEqualTo(FetchResult.Kind.DROPPED);
        assertThat(run().rows()).as("counted once").isEqualTo(12);
        assertThat(h.queue.finalizeRequests).as("asking twice is harmless").containsExactly(runId, runId);
    }

    @Test
    void aLostFinalizeRequestIsSentAgainByTheRedelivery() {
        WorkItem m = h.queue.work.get(0);
        assertThat(ledger.claim(m, "a", h.clock.instant(), h.clock.instant().plus(BUDGET)).verdict()).isEqualTo(Claim.Verdict.ACCEPTED);
        assertThat(ledger.end(m, "a", ItemState.DONE, Progress.NONE, Optional.empty())).isTrue();
        assertThat(ledger.count(m, h.clock.instant())).isTrue();
        // the finalize request was never sent
        handle(m, "b", 2);
        assertThat(h.queue.finalizeRequests).containsExactly(runId);
    }
}
