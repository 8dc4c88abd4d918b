package dev.sluice.engine.lease;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The leases of one local sync, one per source, taken together before anything is migrated or
 * written and renewed by a heartbeat thread (from the first one taken, so none expires while a
 * later one is awaited) until {@link #close()} releases them. Taken in
 * source-name order, so two syncs waiting for overlapping sources cannot hold one each forever.
 */
public final class Leases implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Leases.class.getName());

    private final Map<String, SourceLease> bySource = new LinkedHashMap<>();
    private ScheduledExecutorService heartbeat;

    private Leases() {
    }

    /** What a lease is wanted for: a source, where its state lives and the run that will hold it. */
    public record Request(String source, dev.sluice.spi.StateStore store, String runId) {
    }

    /**
     * Takes every requested lease or none: if one is held elsewhere, the ones already taken are
     * released and {@link LeaseHeldException} names the holder.
     */
    public static Leases take(List<Request> requests, LeaseSettings settings) {
        Leases leases = new Leases();
        List<Request> ordered = new ArrayList<>(requests);
        ordered.sort(Comparator.comparing(Request::source));
        // renewing from the first lease on: one taken early must not expire while a later one is awaited
        leases.startHeartbeat(settings);
        try {
            for (Request r : ordered) {
                SourceLease lease = SourceLease.take(r.store(), r.source(), r.runId(), settings);
                synchronized (leases.bySource) {
                    leases.bySource.put(r.source(), lease);
                }
            }
        } catch (RuntimeException e) {
            leases.close();
            throw e;
        }
        return leases;
    }

    public SourceLease of(String source) {
        SourceLease lease;
        synchronized (bySource) {
            lease = bySource.get(source);
        }
        if (lease == null) {
            throw new IllegalArgumentException("no lease was taken for source " + source);
        }
        return lease;
    }

    private void startHeartbeat(LeaseSettings settings) {
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sluice-lease-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = settings.heartbeat().toMillis();
        heartbeat.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
    }

    private void renewAll() {
        List<SourceLease> held;
        synchronized (bySource) {
            held = List.copyOf(bySource.values());
        }
        for (SourceLease lease : held) {
            try {
                lease.renew();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "source {0}: could not renew the lease, will try again: {1}",
                        lease.source(), e.getMessage());
            }
        }
    }

    /** Stops the heartbeat and releases every lease. */
    @Override
    public void close() {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
            try {
                heartbeat.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<SourceLease> held;
        synchronized (bySource) {
            held = List.copyOf(bySource.values());
        }
        for (SourceLease lease : held) {
            lease.release();
        }
    }
}
