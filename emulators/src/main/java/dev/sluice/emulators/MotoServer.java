package dev.sluice.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * moto_server (the Python AWS emulator installed on these machines: {@code pip install
 * 'moto[server]'}) on a free port, for tests of the AWS source and of IAM enforcement. A missing
 * moto_server fails the test with that hint; it never skips it. It starts open, so that a test can create resources, users, policies
 * and keys; {@link #enforceIam()} then makes it check every request's signature and actions
 * against the caller's policies (moto matches requests against resource {@code *}, except SQS
 * (the queue's ARN) and S3 (the object's ARN)).
 */
public final class MotoServer implements AutoCloseable {
    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static MotoServer start() {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path log = Files.createTempFile("moto", ".log");
            ProcessBuilder pb = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().remove("INITIAL_NO_AUTH_ACTION_COUNT");
            MotoServer moto = new MotoServer(pb.start(), URI.create("http://127.0.0.1:" + port));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                if (!moto.process.isAlive()) {
                    throw new IllegalStateException("moto_server exited: " + Files.readString(log));
                }
                try {
                    moto.post("/moto-api/reset", "");
                    return moto;
                } catch (IOException notYet) {
                    Thread.sleep(200);
                }
            }
            moto.close();
            throw new IllegalStateException("moto_server did not answer on port " + port + " within 60 s: " + Files.readString(log));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start moto_server (pip install 'moto[server]'): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** From now on every request must be signed by a known key and allowed by its user's policies. */
    public void enforceIam() {
        try {
            post("/moto-api/reset-auth", "0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve(path))
                .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("moto " + path + ": " + r.statusCode() + " " + r.body());
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
