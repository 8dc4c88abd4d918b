package dev.sluice.engine.run;

/** A work item of a run: waiting or running (the two look the same in the ledger), or ended. */
public enum ItemState {
    PENDING, DONE, FAILED;

    public boolean ended() {
        return this != PENDING;
    }
}
