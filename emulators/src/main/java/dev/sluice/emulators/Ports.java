package dev.sluice.emulators;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Free local ports, and waiting until something listens on one. */
final class Ports {
    private Ports() {
    }

    static int free() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new EmulatorException("no free local port: " + e.getMessage(), e);
        }
    }

    /** True once 127.0.0.1:{@code port} accepts a connection within {@code timeout}; false if {@code alive} turns false first. */
    static boolean await(int port, Duration timeout, BooleanSupplier alive) {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end) && alive.getAsBoolean()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }
}
