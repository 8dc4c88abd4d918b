package dev.sluice.engine.run;

import dev.sluice.engine.plan.WorkItem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The serverless flow's memory: runs, their work items, and one lease per source. Every
 * method is a conditional write where it changes state, so at-least-once delivery, duplicate
 * messages and two handlers racing change nothing twice (DESIGN.md invariants 1, 4, 7-10).
 * Implementations: in memory for tests, DynamoDB on AWS.
 */
public interface RunLedger {
    /**
     * Takes the source's lease and records the run and its items, unless another run of the
     * source is active (RUNNING or FINALIZING and not past its deadline).
     */
    StartResult start(RunRecord run, List<WorkItem> items);

    /**
     * Claims {@code message} for {@code claimant} until {@code holdUntil}: accepted when it is
     * the message the item waits for and nobody else holds it (or their hold expired).
     */
    Claim claim(WorkItem message, String claimant, Instant now, Instant holdUntil);

    /**
     * The claimant gives {@code message} back without progress (a transient failure: the
     * queue will deliver it again), so the redelivery can claim it at once. No-op when the
     * claimant does not hold it.
     */
    void release(WorkItem message, String claimant);

    /**
     * The claimant stopped {@code from} after some pages: the item now waits for {@code next}
     * (sequence + 1), the claim is released, progress added and the run's deadline (and the
     * source's lease) pushed to {@code deadline}. False when the claimant no longer holds
     * {@code from} (its hold expired and someone else took it): the caller must not send
     * {@code next}.
     */
    boolean advance(WorkItem from, WorkItem next, String claimant, Progress progress, Instant deadline);

    /**
     * The claimant's item ended DONE or FAILED: recorded, and the run's ended-items count
     * incremented, exactly once. Empty when the claimant no longer holds it; else whether
     * this was the run's last item (then the caller asks for finalization; asking twice is
     * harmless).
     */
    Optional<Boolean> end(WorkItem item, String claimant, ItemState state, Progress progress,
                          Optional<String> error, Instant deadline);

    /** Ends, as FAILED with {@code reason}, every item of a stalled run that is still pending. */
    void abandonPending(String runId, String reason);

    /**
     * Moves the run to FINALIZING for {@code claimant} (also from FINALIZING when the previous
     * finalizer's hold expired): empty if it already ended or another finalizer holds it.
     */
    Optional<RunRecord> beginFinalize(String runId, String claimant, Instant now, Instant holdUntil);

    /** FINALIZING → {@code state} with the summary; releases the source's lease. False if already ended. */
    boolean complete(String runId, RunState state, String summaryJson, Instant now);

    Optional<RunRecord> run(String runId);

    List<ItemRecord> items(String runId);

    /** The most recent runs, newest first. */
    List<RunRecord> recent(int limit);

    /** Runs RUNNING (or FINALIZING) whose deadline passed before {@code now}. */
    List<RunRecord> overdue(Instant now);
}
