package dev.sluice.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiPredicate;

/**
 * A loopback HTTP proxy in front of moto that answers 403 AccessDenied to the requests a rule
 * picks by the SigV4 credential scope's access key id and region (so one account's region can be
 * denied while every other call reaches moto unchanged). moto does not check signatures here, so
 * forwarding under another Host is fine.
 */
final class DenyingAwsProxy implements AutoCloseable {
    private static final Set<String> HOP = Set.of("host", "connection", "content-length", "expect", "upgrade", "transfer-encoding");
    private static final String DENIED = "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>"
            + "<Message>denied by the test proxy</Message></Error></ErrorResponse>";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI target;
    private final BiPredicate<String, String> deny;
    private volatile int denied;

    /** {@code deny} gets each request's access key id and signing region. */
    DenyingAwsProxy(URI target, BiPredicate<String, String> deny) throws IOException {
        this.target = target;
        this.deny = deny;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int denied() {
        return denied;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            String[] scope = scope(auth);
            if (scope != null && deny.test(scope[0], scope[1])) {
                denied++;
                reply(ex, 403, Map.of("Content-Type", List.of("text/xml")), DENIED.getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body = ex.getRequestBody().readAllBytes();
            HttpRequest.Builder b = HttpRequest.newBuilder(target.resolve(ex.getRequestURI().toString()))
                    .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            ex.getRequestHeaders().forEach((k, vs) -> {
                if (!HOP.contains(k.toLowerCase(Locale.ROOT))) {
                    vs.forEach(v -> b.header(k, v));
                }
            });
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            reply(ex, r.statusCode(), r.headers().map(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange ex, int status, Map<String, List<String>> headers, byte[] body) throws IOException {
        headers.forEach((k, vs) -> {
            if (!HOP.contains(k.toLowerCase(Locale.ROOT)) && !k.startsWith(":")) {
                ex.getResponseHeaders().put(k, vs);
            }
        });
        boolean empty = body.length == 0 || ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** {access key id, region} of a SigV4 Authorization header, or null. */
    private static String[] scope(String auth) {
        if (auth == null) {
            return null;
        }
        int i = auth.indexOf("Credential=");
        if (i < 0) {
            return null;
        }
        String[] parts = auth.substring(i + "Credential=".length()).split("[,\\s]")[0].split("/");
        return parts.length >= 3 ? new String[] {parts[0], parts[2]} : null;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
