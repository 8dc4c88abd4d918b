package dev.sluice.engine.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.plan.Run;
import dev.sluice.engine.plan.WorkItem;
import dev.sluice.engine.run.MemoryRunLedger;
import dev.sluice.engine.run.RunRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RunStarter} on the in-memory ledger: the active-run check per source, before anything is migrated. */
class RunStarterTest {
    @TempDir
    Path dir;

    @Test
    void aSourceWithALiveRunIsRefusedBeforeMigratingWhateverTheNumberOfOtherRuns() {
        MemoryRunLedger ledger = new MemoryRunLedger();
        try (ServerlessHarness h = new ServerlessHarness(dir, ledger, "src")) {
            RunRecord live = RunRecord.started(new Run("live", "src", ServerlessHarness.T0), ServerlessHarness.T0,
                    ServerlessHarness.T0.plus(Duration.ofMinutes(30)), 1);
            ledger.start(live, List.of(new WorkItem("live", "src", "test_some_table", "", Optional.empty(), 0)));
            for (int i = 0; i < 30; i++) {
                String id = "newer-" + i;
                java.time.Instant at = ServerlessHarness.T0.plusSeconds(i + 1);
                ledger.start(RunRecord.started(new Run(id, "other-" + i, at), at, at.plus(Duration.ofMinutes(30)), 1),
                        List.of(new WorkItem(id, "other-" + i, "t", "", Optional.empty(), 0)));
            }
            h.clock.advance(Duration.ofMinutes(1));
            StartOutcome refused = new RunStarter(h.ctx).start(Optional.of("src"), List.of()).get(0);
            assertThat(refused.started()).isFalse();
            assertThat(refused.activeRunId()).contains("live");
            assertThat(h.tables()).as("nothing migrated").isZero();
            assertThat(h.queue.work).isEmpty();
        }
    }

    @Test
    void aStartThatDiedAfterTakingTheLeaseLeavesNoRunAndTheLeaseIsTakenOverAfterItsHold() {
        MemoryRunLedger ledger = new MemoryRunLedger();
        try (ServerlessHarness h = new ServerlessHarness(dir, ledger, "src")) {
            ledger.failStartAfterLease(true);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RunStarter(h.ctx).start(Optional.empty(), List.of()))
                    .hasMessageContaining("injected");
            ledger.failStartAfterLease(false);
            assertThat(ledger.recent(10)).as("no run without its items").isEmpty();
            h.queue.work.clear();
            h.clock.advance(Duration.ofMinutes(5));
            assertThat(new RunStarter(h.ctx).start(Optional.empty(), List.of()).get(0).started())
                    .as("the dead start still holds the lease").isFalse();
            h.clock.advance(Duration.ofMinutes(30));
            StartOutcome again = new RunStarter(h.ctx).start(Optional.empty(), List.of()).get(0);
            assertThat(again.started()).isTrue();
            assertThat(ledger.items(again.runId().orElseThrow())).hasSize(1);
            assertThat(h.queue.work).hasSize(1);
        }
    }
}
