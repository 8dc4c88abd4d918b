package dev.sluice.engine.run;

/** The ledger contract on the in-memory ledger. */
class MemoryRunLedgerTest extends RunLedgerContract {
    @Override
    protected RunLedger newLedger() {
        return new MemoryRunLedger();
    }
}
