package dev.sluice.engine.lease;

/** Another run holds the source's lease: this sync must not start (DESIGN.md invariant 7). */
public final class LeaseHeldException extends RuntimeException {
    private final transient LeaseHolder holder;

    LeaseHeldException(String source, LeaseHolder holder, String advice) {
        super("source " + source + " is being synced by " + holder.describe() + ", lease valid until "
                + holder.expiresAt() + "; " + advice);
        this.holder = holder;
    }

    public LeaseHolder holder() {
        return holder;
    }
}
