package dev.sluice.engine.run;

import dev.sluice.engine.plan.WorkItem;
import java.util.Objects;
import java.util.Optional;

/**
 * The ledger's answer to a work item message: run it, or why not.
 *
 * @param resend for {@link Verdict#STALE}: the message the item is waiting for, when nobody
 *               holds it (its sending may have been lost); sending it again is harmless
 */
public record Claim(Verdict verdict, Optional<WorkItem> resend) {
    public enum Verdict {
        /** This handler now holds the item: run it. */
        ACCEPTED,
        /** Another handler holds this very message right now (a duplicate delivery): drop it. */
        BUSY,
        /** An older message of the item, or the item already ended: drop it. */
        STALE,
        /** No such run or item, or the run ended: drop it. */
        UNKNOWN
    }

    public Claim {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(resend, "resend");
    }

    public static Claim of(Verdict verdict) {
        return new Claim(verdict, Optional.empty());
    }
}
