package dev.sluice.engine.lease;

import dev.sluice.spi.ConnectorException;

/**
 * A write refused because the run can no longer prove it holds its source's lease: it was taken
 * over, or not renewed in time (a process paused past its expiry). Not retryable.
 */
public final class LeaseLostException extends ConnectorException {
    LeaseLostException(SourceLease lease) {
        super("run " + lease.holder().runId() + " no longer holds the lease of source " + lease.source()
                + " (taken over, or not renewed in time); it stopped before writing more");
    }
}
