package dev.sluice.engine.lease;

import dev.sluice.spi.StateEntry;
import dev.sluice.spi.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One active run per source, locally (DESIGN.md invariant 7): an entry
 * {@code sluice_lease:<source>} in the source's state store names the run holding it, its host,
 * pid and an expiry. It is taken by compare-and-set, so of two syncs starting together exactly
 * one wins; renewed by compare-and-set, so a holder that was taken over learns it at its next
 * renewal; taken over when it expired, was released, or its holder is gone from this host (its
 * process ended, or it was a run of this process that ended without releasing it).
 */
public final class SourceLease {
    private static final System.Logger LOG = System.getLogger(SourceLease.class.getName());
    static final String KEY_PREFIX = "sluice_lease:";

    private final StateStore store;
    private final String source;
    private final LeaseSettings settings;
    private LeaseHolder holder;
    private long version;
    private boolean lost;
    private boolean released;

    private SourceLease(StateStore store, String source, LeaseSettings settings, LeaseHolder holder, long version) {
        this.store = store;
        this.source = source;
        this.settings = settings;
        this.holder = holder;
        this.version = version;
    }

    public static String key(String source) {
        return KEY_PREFIX + source;
    }

    /**
     * Takes the lease of {@code source} for {@code runId}, waiting up to {@code settings.maxWait()}
     * while another live run holds it.
     *
     * @throws LeaseHeldException when another run still holds it after the wait
     */
    public static SourceLease take(StateStore store, String source, String runId, LeaseSettings settings) {
        Instant giveUp = settings.clock().instant().plus(settings.maxWait());
        boolean told = false;
        int raced = 0;
        while (true) {
            Attempt a = attempt(store, source, runId, settings);
            if (a.lease().isPresent()) {
                return a.lease().get();
            }
            if (a.holder().isEmpty()) {
                if (++raced > 20) {
                    throw new dev.sluice.spi.ConnectorException("source " + source + ": the lease entry keeps changing;"
                            + " the state store's compare-and-set never succeeds");
                }
                continue; // the entry changed between read and write: read it again
            }
            LeaseHolder other = a.holder().get();
            Instant now = settings.clock().instant();
            if (!now.isBefore(giveUp)) {
                throw new LeaseHeldException(source, other, settings.maxWait().isZero()
                        ? "wait for it to finish, or use --wait-for-lease DURATION"
                        : "gave up after waiting " + settings.maxWait().toSeconds() + " s");
            }
            if (!told) {
                LOG.log(System.Logger.Level.WARNING, "source {0}: waiting up to {1} s for {2} to finish",
                        source, settings.maxWait().toSeconds(), other.describe());
                told = true;
            }
            sleep(min(Duration.between(now, giveUp), min(settings.heartbeat(), Duration.ofSeconds(1))));
        }
    }

    private record Attempt(Optional<SourceLease> lease, Optional<LeaseHolder> holder) {
    }

    private static Attempt attempt(StateStore store, String source, String runId, LeaseSettings settings) {
        Optional<StateEntry> entry = store.get(key(source));
        Instant now = settings.clock().instant();
        LeaseHolder mine = new LeaseHolder(runId, ThisProcess.HOST, ThisProcess.PID, now.truncatedTo(ChronoUnit.MILLIS),
                now.plus(settings.ttl()).truncatedTo(ChronoUnit.MILLIS), false);
        if (entry.isEmpty()) {
            return store.compareAndSet(key(source), OptionalLong.empty(), mine.encode())
                    ? taken(store, source, settings, mine, 1) : new Attempt(Optional.empty(), Optional.empty());
        }
        long version = entry.get().version();
        Optional<LeaseHolder> current = LeaseHolder.decode(entry.get().value());
        if (current.isPresent() && !current.get().freeAt(now) && !ThisProcess.deadHere(current.get())) {
            return new Attempt(Optional.empty(), current);
        }
        if (!store.compareAndSet(key(source), OptionalLong.of(version), mine.encode())) {
            return new Attempt(Optional.empty(), Optional.empty());
        }
        if (current.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "source {0}: replaced an unreadable lease entry", source);
        } else if (!current.get().released()) {
            LOG.log(System.Logger.Level.WARNING, "source {0}: took over the lease of {1}, which {2}", source,
                    current.get().describe(), current.get().freeAt(now) ? "expired" : "is no longer running");
        }
        return taken(store, source, settings, mine, version + 1);
    }

    private static Attempt taken(StateStore store, String source, LeaseSettings settings, LeaseHolder mine, long version) {
        ThisProcess.holding(mine.runId());
        return new Attempt(Optional.of(new SourceLease(store, source, settings, mine, version)), Optional.empty());
    }

    public String source() {
        return source;
    }

    public Duration ttl() {
        return settings.ttl();
    }

    public LeaseHolder holder() {
        synchronized (this) {
            return holder;
        }
    }

    /**
     * Pushes the expiry forward by a compare-and-set on the version this holder wrote last.
     * Returns false, for good, once another run has taken the lease over.
     */
    public synchronized boolean renew() {
        if (lost || released) {
            return false;
        }
        LeaseHolder next = holder.renewedUntil(settings.clock().instant().plus(settings.ttl()));
        if (!store.compareAndSet(key(source), OptionalLong.of(version), next.encode())) {
            lost = true;
            ThisProcess.notHolding(holder.runId());
            LOG.log(System.Logger.Level.ERROR, "source {0}: run {1} lost its lease to another run", source, holder.runId());
            return false;
        }
        version++;
        holder = next;
        return true;
    }

    /** Held right now: never lost, and renewed recently enough that nobody could have taken it over. */
    public synchronized boolean held() {
        return heldFor(Duration.ZERO);
    }

    /** Held, and still for at least {@code margin} unless renewed. */
    public synchronized boolean heldFor(Duration margin) {
        return !lost && !released && settings.clock().instant().plus(margin).isBefore(holder.expiresAt());
    }

    /** Renews now and says whether the lease is still this run's: the check before anything destructive. */
    public boolean confirm() {
        try {
            return renew() && held();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "source {0}: could not renew the lease: {1}", source, e.getMessage());
            return false;
        }
    }

    /** Gives the lease up, if still held; a failure only delays the next run until the expiry. */
    public synchronized void release() {
        if (lost || released) {
            return;
        }
        released = true;
        ThisProcess.notHolding(holder.runId());
        try {
            store.compareAndSet(key(source), OptionalLong.of(version), holder.asReleased().encode());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "source {0}: could not release the lease (it expires at {1}): {2}",
                    source, holder.expiresAt(), e.getMessage());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a lease", e);
        }
    }
}
