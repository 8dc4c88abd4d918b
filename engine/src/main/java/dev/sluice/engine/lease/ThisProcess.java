package dev.sluice.engine.lease;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The identity a lease records for its holder, and whether a holder on this host is still alive. */
final class ThisProcess {
    static final String HOST = hostName();
    static final long PID = ProcessHandle.current().pid();

    private ThisProcess() {
    }

    /** Runs of this process that hold a lease now. */
    private static final Set<String> LIVE_RUNS = ConcurrentHashMap.newKeySet();

    static void holding(String runId) {
        LIVE_RUNS.add(runId);
    }

    static void notHolding(String runId) {
        LIVE_RUNS.remove(runId);
    }

    /**
     * True when {@code holder} ran on this host and is gone: it was a run of this process that
     * ended without releasing the lease (its state store was unreachable), or its process is gone
     * (no process has its pid, or the one that has it started after the lease was taken).
     */
    static boolean deadHere(LeaseHolder holder) {
        if (!holder.host().equals(HOST) || holder.pid() <= 0) {
            return false;
        }
        if (holder.pid() == PID) {
            return !LIVE_RUNS.contains(holder.runId());
        }
        Optional<ProcessHandle> p = ProcessHandle.of(holder.pid());
        if (p.isEmpty() || !p.get().isAlive()) {
            return true;
        }
        Optional<Instant> started = p.get().info().startInstant();
        return started.isPresent() && started.get().isAfter(holder.since().plusSeconds(1));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
