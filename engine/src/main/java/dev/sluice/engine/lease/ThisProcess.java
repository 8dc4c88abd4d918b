package dev.sluice.engine.lease;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;

/** The identity a lease records for its holder, and whether a holder on this host is still alive. */
final class ThisProcess {
    static final String HOST = hostName();
    static final long PID = ProcessHandle.current().pid();

    private ThisProcess() {
    }

    /**
     * True when {@code holder} ran on this host and its process is gone: no process has its pid,
     * or the one that has it started after the lease was taken (the pid was reused).
     */
    static boolean deadHere(LeaseHolder holder) {
        if (!holder.host().equals(HOST) || holder.pid() <= 0 || holder.pid() == PID) {
            return false;
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
