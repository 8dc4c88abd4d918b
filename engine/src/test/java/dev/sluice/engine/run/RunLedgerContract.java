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
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RunLedger} does, whatever stores it: one active run per source, claims
 * (accepted, busy, stale with the awaited message re-sent, unknown), release, continuations
 * only by the holder, ends counted exactly once (twice called, or racing), abandoning, the
 * finalizer's exclusive hold, completion once, and the listings. A subclass supplies a fresh,
 * empty ledger per test ({@link #newLedger()}).
 */
public abstract class RunLedgerContract extends RunLedgerFixtures {

    @Test
    public void startRecordsTheRunAndItsPlannedItems() {
        RunRecord run = started("src", T0, "users", "events#2024-01", "events#2024-02");
        assertThat(ledger.run(run.id())).contains(run);
        assertThat(ledger.items(run.id())).extracting(ItemRecord::current).containsExactlyElementsOf(
                items(run, "users", "events#2024-01", "events#2024-02"));
        assertThat(ledger.items(run.id())).allSatisfy(i -> {
            assertThat(i.state()).isEqualTo(ItemState.PENDING);
            assertThat(i.pages()).isZero();
        });
        assertThat(ledger.run("nope")).isEmpty();
        assertThat(ledger.items("nope")).isEmpty();
    }

    @Test
    public void startIsRefusedWhileARunOfTheSourceIsActive() {
        RunRecord first = started("src", T0, "users");
        RunRecord second = RunRecord.started(new Run("second", "src", T0.plusSeconds(60)), T0.plusSeconds(60),
                T0.plusSeconds(60).plus(STALL), 1);
        assertThat(ledger.start(second, items(second, "users"))).isEqualTo(StartResult.refused(first.id()));
        assertThat(ledger.run("second")).isEmpty();
        started("other-source", T0.plusSeconds(60), "users");
        assertThat(ledger.beginFinalize(first.id(), "f", T0, T0.plus(HOLD))).isPresent();
        assertThat(ledger.start(second, items(second, "users")).started()).as("still FINALIZING").isFalse();
    }

    @Test
    public void startIsAllowedOnceTheActiveRunEnded() {
        RunRecord first = started("src", T0, "users");
        assertThat(ledger.beginFinalize(first.id(), "f", T0, T0.plus(HOLD))).isPresent();
        assertThat(ledger.complete(first.id(), RunState.SUCCEEDED, "{}", T0.plusSeconds(5))).isTrue();
        started("src", T0.plusSeconds(10), "users");
    }

    @Test
    public void startIsAllowedOnceTheActiveRunsDeadlinePassed() {
        started("src", T0, "users");
        RunRecord late = RunRecord.started(new Run("late", "src", T0.plus(STALL).minusSeconds(1)),
                T0.plus(STALL).minusSeconds(1), T0.plus(STALL).plus(STALL), 1);
        assertThat(ledger.start(late, items(late, "users")).started()).isFalse();
        started("src", T0.plus(STALL).plusSeconds(1), "users");
    }

    @Test
    public void progressPushesTheDeadlineAndTheLease() {
        RunRecord run = started("src", T0, "users");
        WorkItem m0 = item(run, "users");
        Instant later = T0.plus(STALL).plus(STALL);
        assertThat(claim(m0, "a", T0).verdict()).isEqualTo(Claim.Verdict.ACCEPTED);
        assertThat(ledger.advance(m0, m0.continueFrom("p2"), "a", Progress.NONE, later)).isTrue();
        assertThat(runRecord(run).deadline()).isEqualTo(later);
        RunRecord next = RunRecord.started(new Run("next", "src", T0.plus(STALL).plusSeconds(1)),
                T0.plus(STALL).plusSeconds(1), later.plus(STALL), 1);
        assertThat(ledger.start(next, items(next, "users"))).isEqualTo(StartResult.refused(run.id()));
    }

    @Test
    public void claimIsAcceptedOnceAndBusyForOthersUntilTheHoldExpires() {
        RunRecord run = started("src", T0, "users");
        WorkItem m = item(run, "users");
        assertThat(claim(m, "a", T0)).isEqualTo(Claim.of(Claim.Verdict.ACCEPTED));
        assertThat(claim(m, "b", T0.plusSeconds(1))).isEqualTo(Claim.busyUntil(T0.plus(HOLD)));
        assertThat(claim(m, "b", T0.plus(HOLD).minusSeconds(1)).verdict()).isEqualTo(Claim.Verdict.BUSY);
        assertThat(claim(m, "a", T0.plusSeconds(2)).verdict()).as("the holder again").isEqualTo(Claim.Verdict.ACCEPTED);
        Instant expired = T0.plusSeconds(2).plus(HOLD).plusSeconds(1);
        assertThat(claim(m, "b", expired).verdict()).isEqualTo(Claim.Verdict.ACCEPTED);
        assertThat(ledger.advance(m, m.continueFrom("t"), "a", Progress.NONE, T0.plus(STALL))).as("a lost it").isFalse();
        assertThat(end(m, "a")).isEmpty();
        assertThat(ledger.advance(m, m.continueFrom("t"), "b", Progress.NONE, T0.plus(STALL))).isTrue();
    }

    @Test
    public void anOlderMessageIsStaleAndTheAwaitedOneIsResentWhenNobodyHoldsIt() {
        RunRecord run = started("src", T0, "users");
        WorkItem m0 = item(run, "users");
        WorkItem m1 = m0.continueFrom("page-2");
        assertThat(claim(m0, "a", T0).verdict()).isEqualTo(Claim.Verdict.ACCEPTED);
        assertThat(ledger.advance(m0, m1, "a", Progress.NONE, T0.plus(STALL))).isTrue();
        assertThat(itemRecord(run, "users").current()).isEqualTo(m1);
        assertThat(claim(m0, "b", T0.plusSeconds(1))).as("m1 was just sent").isEqualTo(Claim.of(Claim.Verdict.STALE));
        assertThat(claim(m0, "b", T0.plus(STALL).plusSeconds(1))).as("m1 may be lost")
                .isEqualTo(new Claim(Claim.Verdict.STALE, Optional.of(m1)));
        assertThat(claim(m1, "c", T0.plusSeconds(2)).verdict()).isEqualTo(Claim.Verdict.ACCEPTED);
        assertThat(claim(m0, "b", T0.plusSeconds(3))).as("m1 is held").isEqualTo(Claim.of(Claim.Verdict.STALE));
        assertThat(claim(m1.continueFrom("future"), "d", T0.plusSeconds(3)).verdict()).isEqualTo(Claim.Verdict.UNKNOWN);
        assertThat(end(m1, "c")).contains(true);
        assertThat(claim(m1, "d", T0.plusSeconds(4))).as("ended at this message").isEqualTo(Claim.of(Claim.Verdict.ENDED));
        assertThat(claim(m0, "d", T0.plusSeconds(4))).as("ended, and older").isEqualTo(Claim.of(Claim.Verdict.STALE));
    }

    @Test
    public void unknownRunsItemsAndEndedRunsAreUnknown() {
        RunRecord run = started("src", T0, "users");
        WorkItem m = item(run, "users");
        WorkItem otherTable = new WorkItem(run.id(), "src", "nope", "", Optional.empty(), 0);
        WorkItem otherRun = new WorkItem("no-such-run", "src", "users", "", Optional.empty(), 0);
        assertThat(claim(otherTable, "a", T0).verdict()).isEqualTo(Claim.Verdict.UNKNOWN);
        assertThat(claim(otherRun, "a", T0).verdict()).isEqualTo(Claim.Verdict.UNKNOWN);
        assertThat(ledger.beginFinalize(run.id(), "f", T0, T0.plus(HOLD))).isPresent();
        assertThat(ledger.complete(run.id(), RunState.FAILED, "{}", T0)).isTrue();
        assertThat(claim(m, "a", T0).verdict()).isEqualTo(Claim.Verdict.UNKNOWN);
    }

    @Test
    public void releaseLetsTheRedeliveryClaimAtOnce() {
        RunRecord run = started("src", T0, "users");
        WorkItem m = item(run, "users");
        assertThat(claim(m, "a", T0).verdict()).isEqualTo(Claim.Verdict.ACCEPTED);
        ledger.release(m, "b");
        assertThat(claim(m, "b", T0.plusSeconds(1)).verdict()).as("b did not hold it").isEqualTo(Claim.Verdict.BUSY);
        ledger.release(m, "a");
        assertThat(claim(m, "b", T0.plusSeconds(2)).verdict()).isEqualTo(Claim.Verdict.ACCEPTED);
        assertThat(itemRecord(run, "users").state()).isEqualTo(ItemState.PENDING);
    }

    @Test
    public void advanceRecordsTheContinuationAndAddsProgressOnlyForTheHolder() {
        RunRecord run = started("src", T0, "users", "events");
        WorkItem m0 = item(run, "users");
        WorkItem m1 = m0.continueFrom("p2");
        assertThat(ledger.advance(m0, m1, "a", Progress.NONE, T0.plus(STALL))).as("not claimed").isFalse();
        assertThat(claim(m0, "a", T0).verdict()).isEqualTo(Claim.Verdict.ACCEPTED);
        assertThat(ledger.advance(m0, m1, "b", Progress.NONE, T0.plus(STALL))).as("b is not the holder").isFalse();
        Progress p = new Progress(Map.of("users", 10L, "user_roles", 4L), 2, Duration.ofMillis(1500));
        assertThat(ledger.advance(m0, m1, "a", p, T0.plusSeconds(90).plus(STALL))).isTrue();
        assertThat(ledger.advance(m0, m1, "a", p, T0.plus(STALL))).as("done already").isFalse();
        assertThat(claim(m1, "a", T0.plusSeconds(100)).verdict()).isEqualTo(Claim.Verdict.ACCEPTED);
        WorkItem m2 = m1.continueFrom("p3");
        assertThat(ledger.advance(m1, m2, "a", progress("users", 5, 1, 500), T0.plusSeconds(200).plus(STALL))).isTrue();
        ItemRecord r = itemRecord(run, "users");
        assertThat(r.current()).isEqualTo(m2);
        assertThat(r.state()).isEqualTo(ItemState.PENDING);
        assertThat(r.rows()).isEqualTo(Map.of("users", 15L, "user_roles", 4L));
        assertThat(r.pages()).isEqualTo(3);
        assertThat(r.busy()).isEqualTo(Duration.ofSeconds(2));
        RunRecord after = runRecord(run);
        assertThat(after.rows()).as("rows are counted on the run when items end").isZero();
        assertThat(after.deadline()).isEqualTo(T0.plusSeconds(200).plus(STALL));
        assertThat(after.itemsEnded()).isZero();
        assertThat(ledger.advance(m2, m2.continueFrom("p4"), "a", Progress.NONE, T0)).as("not claimed").isFalse();
        assertThat(claim(m2, "a", T0.plusSeconds(300)).verdict()).isEqualTo(Claim.Verdict.ACCEPTED);
        assertThat(ledger.advance(m2, m2.continueFrom("p4"), "a", Progress.NONE, T0.plusSeconds(300))).isTrue();
        assertThat(runRecord(run).deadline()).as("a deadline only moves later").isEqualTo(T0.plusSeconds(200).plus(STALL));
    }

    @Test
    public void endIsCountedExactlyOnceAndTheRunSaysWhenItIsComplete() {
        RunRecord run = started("src", T0, "users", "events#p1");
        WorkItem users = item(run, "users");
        WorkItem events = item(run, "events#p1");
        assertThat(end(users, "a")).as("not claimed").isEmpty();
        assertThat(claim(users, "a", T0).verdict()).isEqualTo(Claim.Verdict.ACCEPTED);
        assertThat(end(users, "b")).as("b is not the holder").isEmpty();
        assertThat(end(users, "a", ItemState.DONE, progress("users", 7, 1, 100), Optional.empty(),
                T0.plusSeconds(30).plus(STALL))).contains(false);
        assertThat(end(users, "a", ItemState.DONE, progress("users", 7, 1, 100), Optional.empty(),
                T0.plusSeconds(30).plus(STALL))).as("again").contains(false);
        assertThat(ledger.count(events, T0)).as("not ended").isFalse();
        assertThat(claim(events, "c", T0).verdict()).isEqualTo(Claim.Verdict.ACCEPTED);
        assertThat(end(events, "c", ItemState.FAILED, progress("events", 2, 1, 100), Optional.of("boom"),
                T0.plusSeconds(60).plus(STALL))).contains(true);
        assertThat(end(events, "c", ItemState.FAILED, Progress.NONE, Optional.of("boom"),
                T0.plusSeconds(60).plus(STALL))).as("still complete, counted once").contains(true);
        RunRecord after = runRecord(run);
        assertThat(after.itemsEnded()).isEqualTo(2);
        assertThat(after.allItemsEnded()).isTrue();
        assertThat(after.rows()).isEqualTo(9);
        assertThat(after.deadline()).isEqualTo(T0.plusSeconds(60).plus(STALL));
        assertThat(itemRecord(run, "users").state()).isEqualTo(ItemState.DONE);
        assertThat(itemRecord(run, "users").rows()).isEqualTo(Map.of("users", 7L));
        assertThat(itemRecord(run, "events#p1").state()).isEqualTo(ItemState.FAILED);
        assertThat(itemRecord(run, "events#p1").error()).contains("boom");
    }

    @Test
    public void anEndedItemsRedeliveryIsEndedAndAnyHandlerCountsItOnce() {
        RunRecord run = started("src", T0, "users", "events");
        WorkItem users = item(run, "users");
        assertThat(claim(users, "a", T0).verdict()).isEqualTo(Claim.Verdict.ACCEPTED);
        assertThat(ledger.end(users, "a", ItemState.DONE, progress("users", 5, 1, 10), Optional.empty())).isTrue();
        // "a" died here, before counting
        assertThat(claim(users, "b", T0.plusSeconds(1))).isEqualTo(Claim.of(Claim.Verdict.ENDED));
        assertThat(ledger.count(users, T0)).isFalse();
        assertThat(ledger.count(users, T0)).isFalse();
        WorkItem events = item(run, "events");
        assertThat(claim(events, "c", T0).verdict()).isEqualTo(Claim.Verdict.ACCEPTED);
        assertThat(end(events, "c", ItemState.DONE, progress("events", 3, 1, 10), Optional.empty(), T0)).contains(true);
        assertThat(ledger.count(users, T0)).as("a late redelivery sees the run complete").isTrue();
        RunRecord after = runRecord(run);
        assertThat(after.itemsEnded()).isEqualTo(2);
        assertThat(after.rows()).isEqualTo(8);
        assertThat(claim(events.continueFrom("x"), "d", T0).verdict()).isEqualTo(Claim.Verdict.STALE);
    }

    @Test
    public void racingEndsAndRecountsCountEachItemOnce() throws Exception {
        String[] keys = IntStream.range(0, 8).mapToObj(i -> "t" + i).toArray(String[]::new);
        RunRecord run = started("src", T0, keys);
        List<Callable<Optional<Boolean>>> tasks = new java.util.ArrayList<>();
        for (String k : keys) {
            WorkItem m = item(run, k);
            assertThat(claim(m, "h-" + k, T0).verdict()).isEqualTo(Claim.Verdict.ACCEPTED);
            tasks.add(() -> end(m, "h-" + k, ItemState.DONE, progress(k, 1, 1, 1), Optional.empty(), T0));
            tasks.add(() -> end(m, "h-" + k, ItemState.DONE, progress(k, 1, 1, 1), Optional.empty(), T0));
            tasks.add(() -> Optional.of(ledger.count(m, T0)));
        }
        List<Optional<Boolean>> results = race(tasks);
        assertThat(results).allSatisfy(r -> assertThat(r).isPresent());
        assertThat(results).as("some call saw the run complete").anySatisfy(r -> assertThat(r).contains(true));
        assertThat(runRecord(run).itemsEnded()).isEqualTo(keys.length);
        assertThat(runRecord(run).rows()).isEqualTo(keys.length);
    }

    @Test
    public void extendMovesTheDeadlineOnlyLaterAndNotOnceEnded() {
        RunRecord run = started("src", T0, "users");
        ledger.extend(run.id(), T0.plus(STALL).plusSeconds(600));
        assertThat(runRecord(run).deadline()).isEqualTo(T0.plus(STALL).plusSeconds(600));
        ledger.extend(run.id(), T0.plus(STALL));
        assertThat(runRecord(run).deadline()).isEqualTo(T0.plus(STALL).plusSeconds(600));
        assertThat(ledger.overdue(T0.plus(STALL).plusSeconds(1))).isEmpty();
        ledger.extend("no-such-run", T0);
    }

    @Test
    public void activeLooksUpTheSourcesLease() {
        RunRecord a = started("a", T0, "x");
        started("b", T0, "x");
        for (int i = 0; i < 25; i++) {
            started("other" + i, T0.plusSeconds(i + 1), "x");
        }
        assertThat(ledger.active("a", T0.plusSeconds(60))).contains(a.id());
        assertThat(ledger.active("a", T0.plus(STALL).plusSeconds(1))).as("past its deadline").isEmpty();
        assertThat(ledger.active("nobody", T0)).isEmpty();
        assertThat(ledger.beginFinalize(a.id(), "f", T0, T0.plus(HOLD))).isPresent();
        assertThat(ledger.active("a", T0.plusSeconds(60))).as("finalizing").contains(a.id());
        assertThat(ledger.complete(a.id(), RunState.SUCCEEDED, "{}", T0)).isTrue();
        assertThat(ledger.active("a", T0.plusSeconds(60))).isEmpty();
    }

    @Test
    public void abandonPendingFailsWhatIsStillPending() {
        RunRecord run = started("src", T0, "users", "events", "logs");
        WorkItem users = item(run, "users");
        WorkItem events = item(run, "events");
        assertThat(claim(users, "a", T0).verdict()).isEqualTo(Claim.Verdict.ACCEPTED);
        assertThat(end(users, "a")).contains(false);
        assertThat(claim(events, "b", T0).verdict()).isEqualTo(Claim.Verdict.ACCEPTED);
        ledger.abandonPending(run.id(), "lost");
        ledger.abandonPending(run.id(), "lost");
        assertThat(itemRecord(run, "users").state()).isEqualTo(ItemState.DONE);
        assertThat(itemRecord(run, "events").state()).isEqualTo(ItemState.FAILED);
        assertThat(itemRecord(run, "events").error()).contains("lost");
        assertThat(itemRecord(run, "logs").error()).contains("lost");
        assertThat(runRecord(run).itemsEnded()).isEqualTo(3);
        assertThat(runRecord(run).allItemsEnded()).isTrue();
        assertThat(end(events, "b")).as("the holder lost it").isEmpty();
        assertThat(ledger.advance(events, events.continueFrom("x"), "b", Progress.NONE, T0)).isFalse();
        assertThat(runRecord(run).itemsEnded()).isEqualTo(3);
        ledger.abandonPending("no-such-run", "lost");
    }

    @Test
    public void oneFinalizerAtATimeUntilItsHoldExpires() {
        RunRecord run = started("src", T0, "users");
        Optional<RunRecord> begun = ledger.beginFinalize(run.id(), "f1", T0, T0.plus(HOLD));
        assertThat(begun).hasValueSatisfying(r -> {
            assertThat(r.state()).isEqualTo(RunState.FINALIZING);
            assertThat(r.id()).isEqualTo(run.id());
        });
        assertThat(ledger.beginFinalize(run.id(), "f2", T0.plusSeconds(1), T0.plus(HOLD))).isEmpty();
        assertThat(ledger.beginFinalize(run.id(), "f2", T0.plus(HOLD).plusSeconds(1), T0.plus(HOLD).plus(HOLD)))
                .as("f1's hold expired").isPresent();
        assertThat(ledger.beginFinalize(run.id(), "f1", T0.plus(HOLD).plusSeconds(2), T0.plus(HOLD))).isEmpty();
        assertThat(ledger.beginFinalize("no-such-run", "f1", T0, T0.plus(HOLD))).isEmpty();
        assertThat(ledger.complete(run.id(), RunState.PARTIAL, "{\"status\":\"PARTIAL\"}", T0.plusSeconds(5))).isTrue();
        assertThat(ledger.beginFinalize(run.id(), "f3", T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(2)))).isEmpty();
    }

    @Test
    public void completeHappensOnce() {
        RunRecord run = started("src", T0, "users");
        assertThat(ledger.beginFinalize(run.id(), "f", T0, T0.plus(HOLD))).isPresent();
        Instant end = T0.plusSeconds(42);
        assertThat(ledger.complete(run.id(), RunState.SUCCEEDED, "{\"rows\":1}", end)).isTrue();
        assertThat(ledger.complete(run.id(), RunState.FAILED, "{\"rows\":2}", end.plusSeconds(1))).isFalse();
        RunRecord done = runRecord(run);
        assertThat(done.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(done.summary()).contains("{\"rows\":1}");
        assertThat(done.endedAt()).contains(end);
        assertThat(done.run()).isEqualTo(run.run());
        assertThat(done.startedAt()).isEqualTo(run.startedAt());
        assertThat(ledger.complete("no-such-run", RunState.FAILED, "{}", end)).isFalse();
    }

    @Test
    public void recentListsNewestFirst() {
        RunRecord a = started("a", T0, "x");
        RunRecord b = started("b", T0.plusSeconds(10), "x");
        RunRecord c = started("c", T0.plusMillis(5500).plusNanos(123), "x");
        assertThat(ledger.recent(10)).extracting(RunRecord::id).containsExactly(b.id(), c.id(), a.id());
        assertThat(ledger.recent(2)).extracting(RunRecord::id).containsExactly(b.id(), c.id());
        assertThat(ledger.recent(10).get(1)).isEqualTo(c);
    }

    @Test
    public void overdueListsActiveRunsPastTheirDeadline() {
        RunRecord a = started("a", T0, "x");
        RunRecord b = started("b", T0.plusSeconds(60), "x");
        RunRecord c = started("c", T0, "x");
        assertThat(ledger.beginFinalize(c.id(), "f", T0, T0.plus(HOLD))).isPresent();
        assertThat(ledger.complete(c.id(), RunState.SUCCEEDED, "{}", T0)).isTrue();
        assertThat(ledger.overdue(T0.plus(STALL).minusSeconds(1))).isEmpty();
        assertThat(ledger.overdue(T0.plus(STALL).plusSeconds(1))).extracting(RunRecord::id).containsExactly(a.id());
        assertThat(ledger.beginFinalize(a.id(), "f", T0, T0.plus(HOLD))).isPresent();
        assertThat(ledger.overdue(T0.plus(STALL).plusSeconds(61))).extracting(RunRecord::id)
                .containsExactlyInAnyOrder(a.id(), b.id());
    }
}
