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
     * Takes the source's lease and records the run's items, then the run itself, unless
     * another run of the source is active (RUNNING or FINALIZING and not past its deadline).
     * Items are written before the run record that needs them: a crash in between leaves no
     * run, only a lease naming a run that does not exist, which a start takes over once the
     * lease's own hold (the new run's first deadline) passed.
     */
    StartResult start(RunRecord run, List<WorkItem> items);

    /**
     * The id of the run of {@code source} that holds its lease and is active at {@code now}
     * (or still being started): a key lookup of the lease, then of the run, whatever the
     * number of sources and runs.
     */
    Optional<String> active(String source, Instant now);

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
     * Moves the run's deadline to {@code until} unless it is already later: called when a
     * message of the run is claimed, with the last moment that message can come back (the
     * queue's visibility timeout after now, plus the stall), so the sweep never closes an
     * item a message can still bring back.
     */
    void extend(String runId, Instant until);

    /**
     * The claimant stopped {@code from} after some pages: the item now waits for {@code next}
     * (sequence + 1), the claim is released, progress added and the run's deadline moved to
     * {@code deadline} unless later. Until {@code deadline}, a stale message of the item does
     * not ask to re-send {@code next} (the caller sends it now; a duplicate of {@code from}
     * arriving late must not double it); after, it does, in case its sending was lost. False when the claimant no longer holds
     * {@code from} (its hold expired and someone else took it): the caller must not send
     * {@code next}.
     */
    boolean advance(WorkItem from, WorkItem next, String claimant, Progress progress, Instant deadline);

    /**
     * The claimant's item ended DONE or FAILED with its progress: true when the claimant ended
     * it now or had ended it before (a retry), false when it does not hold it. The end is not
     * counted on the run yet: {@link #count} does that.
     */
    boolean end(WorkItem item, String claimant, ItemState state, Progress progress, Optional<String> error);

    /**
     * Counts the end of {@code item} (ended by {@link #end}) on its run, exactly once however
     * often it is called, by whoever calls it (the ender, or the handler of a redelivered
     * message after the ender died), and moves the run's deadline to {@code deadline} unless
     * later. True when every item of the run is counted now: the caller asks for
     * finalization (two callers may both see it; asking twice is harmless). False when the
     * item has not ended.
     */
    boolean count(WorkItem item, Instant deadline);

    /**
     * Ends, as FAILED with {@code reason}, every item of a stalled run that is still pending,
     * and counts every ended item not counted yet.
     */
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
