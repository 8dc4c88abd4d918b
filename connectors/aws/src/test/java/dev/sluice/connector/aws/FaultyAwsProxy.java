package dev.sluice.connector.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A loopback HTTP proxy in front of moto that answers the next requests of an operation
 * ({@code service:Operation}, the service from the SigV4 credential scope, the operation from
 * {@code X-Amz-Target} for the JSON protocol or {@code Action=} for the query protocol) with
 * errors queued by {@link #fail}, or every request of an operation signed with certain access key
 * ids with the error {@link #deny} sets, and passes every other request to moto unchanged. It counts,
 * per operation, the errors it answered and the requests it passed. Modelled on the CLI tests'
 * DenyingAwsProxy (a module's tests do not see another's).
 */
final class FaultyAwsProxy implements AutoCloseable {
    private static final Set<String> HOP = Set.of("host", "connection", "content-length", "expect", "upgrade", "transfer-encoding");

    /** An HTTP answer the proxy gives instead of moto's. */
    record Fault(int status, String contentType, String body) {
        /** The query protocol's (IAM, RDS, STS) error document. */
        static Fault query(int status, String code) {
            return new Fault(status, "text/xml", "<ErrorResponse><Error><Type>Sender</Type><Code>" + code
                    + "</Code><Message>Rate exceeded (test proxy)</Message></Error><RequestId>r-1</RequestId></ErrorResponse>");
        }

        /** EC2's error document. */
        static Fault ec2(int status, String code) {
            return ec2(status, code, "Request limit exceeded (test proxy)");
        }

        /** EC2's error document with {@code message}. */
        static Fault ec2(int status, String code, String message) {
            return new Fault(status, "text/xml", "<Response><Errors><Error><Code>" + code
                    + "</Code><Message>" + message + "</Message></Error></Errors><RequestID>r-1</RequestID></Response>");
        }

        /** The JSON protocol's (SQS, DynamoDB) error document; {@code type} as {@code prefix#Code}. */
        static Fault json(int status, String type) {
            return new Fault(status, "application/x-amz-json-1.0", "{\"__type\":\"" + type
                    + "\",\"message\":\"Rate exceeded (test proxy)\"}");
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI target;
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private final Map<String, Denial> denials = new HashMap<>();
    private final Map<String, Integer> injected = new HashMap<>();
    private final Map<String, Integer> passed = new HashMap<>();

    FaultyAwsProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers the next {@code times} requests of {@code operation} ({@code "iam:ListRoles"}) with {@code fault}. */
    synchronized FaultyAwsProxy fail(String operation, int times, Fault fault) {
        Deque<Fault> queue = faults.computeIfAbsent(operation, k -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(fault);
        }
        return this;
    }

    private record Denial(Predicate<String> accessKeyId, Fault fault) {
    }

    /**
     * Answers every request of {@code operation} signed with an access key id {@code accessKeyId}
     * accepts with {@code fault}, until {@link #allow}; queued faults of {@link #fail} come first.
     */
    synchronized FaultyAwsProxy deny(String operation, Predicate<String> accessKeyId, Fault fault) {
        denials.put(operation, new Denial(accessKeyId, fault));
        return this;
    }

    /** Ends {@link #deny}'s answers to {@code operation}. */
    synchronized FaultyAwsProxy allow(String operation) {
        denials.remove(operation);
        return this;
    }

    /** The errors answered to {@code operation}'s requests. */
    synchronized int injected(String operation) {
        return injected.getOrDefault(operation, 0);
    }

    /** {@code operation}'s requests passed to moto. */
    synchronized int passed(String operation) {
        return passed.getOrDefault(operation, 0);
    }

    /** Every error answered. */
    synchronized int injected() {
        return injected.values().stream().mapToInt(Integer::intValue).sum();
    }

    private synchronized Fault next(String operation, String accessKeyId) {
        Deque<Fault> queue = faults.get(operation);
        Fault fault = queue == null ? null : queue.poll();
        Denial denial = denials.get(operation);
        if (fault == null && denial != null && denial.accessKeyId().test(accessKeyId)) {
            fault = denial.fault();
        }
        (fault == null ? passed : injected).merge(operation, 1, Integer::sum);
        return fault;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            Fault fault = next(operation(ex, body), accessKeyId(ex));
            if (fault != null) {
                reply(ex, fault.status(), Map.of("Content-Type", List.of(fault.contentType())),
                        fault.body().getBytes(StandardCharsets.UTF_8));
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

    /** The access key id a request is signed with, {@code ?} if none. */
    private static String accessKeyId(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        int i = auth == null ? -1 : auth.indexOf("Credential=");
        return i < 0 ? "?" : auth.substring(i + "Credential=".length()).split("[,\\s/]")[0];
    }

    /** {@code service:Operation} of a request, {@code ?} for a part not found. */
    private static String operation(HttpExchange ex, byte[] body) {
        String service = "?";
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        int i = auth == null ? -1 : auth.indexOf("Credential=");
        if (i >= 0) {
            String[] parts = auth.substring(i + "Credential=".length()).split("[,\\s]")[0].split("/");
            service = parts.length >= 4 ? parts[3] : "?";
        }
        String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
        if (target != null) {
            return service + ":" + target.substring(target.lastIndexOf('.') + 1);
        }
        String form = new String(body, StandardCharsets.UTF_8) + "&" + (ex.getRequestURI().getRawQuery() == null ? ""
                : ex.getRequestURI().getRawQuery());
        for (String pair : form.split("&")) {
            if (pair.startsWith("Action=")) {
                return service + ":" + URLDecoder.decode(pair.substring("Action=".length()), StandardCharsets.UTF_8);
            }
        }
        return service + ":?";
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
