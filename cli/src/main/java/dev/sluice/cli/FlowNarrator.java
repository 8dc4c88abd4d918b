package dev.sluice.cli;

import dev.sluice.engine.plan.WorkItem;
import dev.sluice.engine.run.ItemRecord;
import dev.sluice.engine.run.RunLedger;
import dev.sluice.engine.run.RunRecord;
import dev.sluice.engine.run.WorkMessage;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The lines {@code --emulate-aws} prints as the flow moves: what each fetch invocation did with
 * its message (from the ledger before and after: CONTINUED, DONE, FAILED, RETRY, DROPPED) and
 * how the finalizer ended each run. Silent (and reading nothing) unless {@code enabled}; lines
 * from the Lambda threads never interleave.
 */
final class FlowNarrator {
    private final Consumer<String> out;
    private final boolean enabled;
    private final RunLedger ledger;

    FlowNarrator(Consumer<String> out, boolean enabled, RunLedger ledger) {
        this.out = out;
        this.enabled = enabled;
        this.ledger = ledger;
    }

    void say(String format, Object... args) {
        if (enabled) {
            String line = String.format(format, args);
            synchronized (this) {
                out.accept(line);
            }
        }
    }

    static String shortId(String runId) {
        return runId.length() > 8 ? runId.substring(0, 8) : runId;
    }

    /** Watches the fetch function: the item as the ledger had it before and after each message. */
    ObservedHandler.Observer<Optional<ItemRecord>> fetches() {
        return new ObservedHandler.Observer<>() {
            @Override
            public Optional<ItemRecord> before(Optional<WorkMessage> message) {
                return enabled ? work(message).flatMap(FlowNarrator.this::item) : Optional.empty();
            }

            @Override
            public void after(Optional<WorkMessage> message, Optional<ItemRecord> before, int receiveCount, boolean handedBack) {
                if (!enabled) {
                    return;
                }
                String who = Thread.currentThread().getName();
                Optional<WorkItem> work = work(message);
                if (work.isEmpty()) {
                    say("%s: a malformed message or one for the finalizer%s", who, handedBack ? ", handed back to the queue" : "");
                    return;
                }
                WorkItem m = work.get();
                say("%s: %s of run %s, message %d: %s", who, m.key(), shortId(m.runId()), m.sequence(),
                        outcome(m, before, item(m), receiveCount, handedBack));
            }
        };
    }

    /** Watches the finalizer: each run's state after its finalize request. */
    ObservedHandler.Observer<Void> finalizations() {
        return new ObservedHandler.Observer<>() {
            @Override
            public Void before(Optional<WorkMessage> message) {
                return null;
            }

            @Override
            public void after(Optional<WorkMessage> message, Void before, int receiveCount, boolean handedBack) {
                if (!enabled) {
                    return;
                }
                if (message.isEmpty() || !(message.get() instanceof WorkMessage.Finalize f)) {
                    say("finalizer: a malformed message or a work item%s", handedBack ? ", handed back to the queue" : "");
                    return;
                }
                Optional<RunRecord> run = ledger.run(f.runId());
                if (handedBack) {
                    say("finalizer: run %s: failed, the request goes back to the queue (delivery %d)", shortId(f.runId()), receiveCount);
                } else if (run.isPresent() && run.get().state().ended()) {
                    RunRecord r = run.get();
                    say("finalizer: run %s of %s: %s, %,d rows, %d of %d item(s) ended", shortId(r.id()), r.run().sourceName(),
                            r.state(), r.rows(), r.itemsEnded(), r.itemsTotal());
                } else {
                    say("finalizer: run %s: nothing to do (%s)", shortId(f.runId()),
                            run.map(r -> "being finalized elsewhere, " + r.state()).orElse("unknown run"));
                }
            }
        };
    }

    private static String outcome(WorkItem m, Optional<ItemRecord> before, Optional<ItemRecord> after, int receiveCount,
                                  boolean handedBack) {
        if (handedBack) {
            return "RETRY: handed back to the queue (delivery " + receiveCount + ")";
        }
        boolean awaited = before.isPresent() && !before.get().state().ended() && before.get().current().sequence() == m.sequence();
        if (!awaited || after.isEmpty()) {
            return "DROPPED (a duplicate or stale message)";
        }
        ItemRecord a = after.get();
        String work = (a.pages() - before.get().pages()) + " page(s), " + String.format("%,d", rows(a) - rows(before.get())) + " rows";
        if (a.current().sequence() > m.sequence()) {
            return "CONTINUED as message " + (m.sequence() + 1) + " after " + work + " (time ran under the margin)";
        }
        if (a.state().ended()) {
            String total = before.get().pages() == 0 ? "" : " (" + String.format("%,d", rows(a)) + " rows in all)";
            return a.state() + ": " + work + total + a.error().map(e -> ": " + e).orElse("");
        }
        return "DROPPED (lost its claim)";
    }

    private static long rows(ItemRecord r) {
        return r.rows().values().stream().mapToLong(Long::longValue).sum();
    }

    private static Optional<WorkItem> work(Optional<WorkMessage> message) {
        return message.filter(WorkMessage.Work.class::isInstance).map(w -> ((WorkMessage.Work) w).item());
    }

    private Optional<ItemRecord> item(WorkItem m) {
        return ledger.items(m.runId()).stream().filter(i -> i.current().key().equals(m.key())).findFirst();
    }
}
