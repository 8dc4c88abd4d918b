package dev.sluice.engine.run;

import dev.sluice.engine.plan.WorkItem;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The ledger's answer to a work item message: run it, or why not.
 *
 * @param resend for {@link Verdict#STALE}: the message the item is waiting for, when nobody
 *               holds it and it is past its reservation (its sending may have been lost);
 *               sending it again is harmless
 * @param heldUntil for {@link Verdict#BUSY}: when the holder's claim expires
 */
public record Claim(Verdict verdict, Optional<WorkItem> resend, Optional<Instant> heldUntil) {
    public enum Verdict {
        /** This handler now holds the item: run it. */
        ACCEPTED,
        /**
         * Another handler holds this very message until {@code heldUntil} (a duplicate
         * delivery): hand it back until then, so that it completes the item if the holder dies.
         */
        BUSY,
        /**
         * The item already ended at this very message (a redelivery after its handler ended
         * it): its end may not be counted yet; count it, and ask for finalization when the run
         * is complete.
         */
        ENDED,
        /** An older message of the item, or the item already ended: drop it. */
        STALE,
        /** No such run or item, or the run ended: drop it. */
        UNKNOWN
    }

    public Claim {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(resend, "resend");
        Objects.requireNonNull(heldUntil, "heldUntil");
    }

    public Claim(Verdict verdict, Optional<WorkItem> resend) {
        this(verdict, resend, Optional.empty());
    }

    public static Claim of(Verdict verdict) {
        return new Claim(verdict, Optional.empty());
    }

    public static Claim busyUntil(Instant heldUntil) {
        return new Claim(Verdict.BUSY, Optional.empty(), Optional.of(heldUntil));
    }
}
