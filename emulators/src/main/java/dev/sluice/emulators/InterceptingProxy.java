package dev.sluice.emulators;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A loopback HTTP proxy in front of an AWS emulator (moto_server) for tests of failures: a rule
 * sees each request and either answers it itself (an error AWS could give) or lets it through to
 * the emulator unchanged. The emulator must not check signatures (moto without IAM enforcement),
 * since requests reach it under another Host.
 */
public final class InterceptingProxy implements AutoCloseable {
    private static final Set<String> HOP = Set.of("host", "connection", "content-length", "expect", "upgrade", "transfer-encoding");

    /** A request as a rule sees it. */
    public record Request(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
        /** A header's first value, or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().isEmpty() ? null : e.getValue().get(0)).findFirst().orElse(null);
        }

        /** The access key id of the SigV4 credential scope, {@code ?} when unsigned. */
        public String accessKeyId() {
            return scope(0);
        }

        /** The region of the SigV4 credential scope, {@code ?} when unsigned. */
        public String region() {
            return scope(2);
        }

        /**
         * {@code service:Operation}: the service from the credential scope, the operation from
         * {@code X-Amz-Target} (JSON protocol) or {@code Action=} in the body or query (query
         * protocol); {@code ?} for a part not found.
         */
        public String operation() {
            String service = scope(3);
            String target = header("X-Amz-Target");
            if (target != null) {
                return service + ":" + target.substring(target.lastIndexOf('.') + 1);
            }
            String form = new String(body, StandardCharsets.UTF_8) + "&" + (uri.getRawQuery() == null ? "" : uri.getRawQuery());
            for (String pair : form.split("&")) {
                if (pair.startsWith("Action=")) {
                    return service + ":" + URLDecoder.decode(pair.substring("Action=".length()), StandardCharsets.UTF_8);
                }
            }
            return service + ":?";
        }

        private String scope(int part) {
            String auth = header("Authorization");
            int i = auth == null ? -1 : auth.indexOf("Credential=");
            if (i < 0) {
                return "?";
            }
            String[] parts = auth.substring(i + "Credential=".length()).split("[,\\s]")[0].split("/");
            return parts.length > part ? parts[part] : "?";
        }
    }

    /** An answer the proxy gives instead of the emulator's. */
    public record Answer(int status, String contentType, String body) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI target;
    private final Function<Request, Optional<Answer>> rule;

    /** A proxy to {@code target} on a free loopback port; {@code rule} runs on the proxy's threads. */
    public InterceptingProxy(URI target, Function<Request, Optional<Answer>> rule) {
        this.target = target;
        this.rule = rule;
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            Optional<Answer> answer = rule.apply(new Request(ex.getRequestMethod(), ex.getRequestURI(), ex.getRequestHeaders(), body));
            if (answer.isPresent()) {
                reply(ex, answer.get().status(), Map.of("Content-Type", List.of(answer.get().contentType())),
                        answer.get().body().getBytes(StandardCharsets.UTF_8));
                return;
            }
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

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
