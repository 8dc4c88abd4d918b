package dev.sluice.connector.aws;

import dev.sluice.emulators.InterceptingProxy;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A loopback HTTP proxy in front of moto that answers the next requests of an operation
 * ({@code service:Operation}, the service from the SigV4 credential scope, the operation from
 * {@code X-Amz-Target} for the JSON protocol or {@code Action=} for the query protocol) with
 * errors queued by {@link #fail}, or every request of an operation signed with certain access key
 * ids with the error {@link #deny} sets, and passes every other request to moto unchanged. It counts,
 * per operation, the errors it answered and the requests it passed.
 */
final class FaultyAwsProxy implements AutoCloseable {
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

    private final InterceptingProxy proxy;
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private final Map<String, Denial> denials = new HashMap<>();
    private final Map<String, Integer> injected = new HashMap<>();
    private final Map<String, Integer> passed = new HashMap<>();

    FaultyAwsProxy(URI target) {
        this.proxy = new InterceptingProxy(target, r -> Optional.ofNullable(next(r.operation(), r.accessKeyId()))
                .map(f -> new InterceptingProxy.Answer(f.status(), f.contentType(), f.body())));
    }

    URI endpoint() {
        return proxy.endpoint();
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

    @Override
    public void close() {
        proxy.close();
    }
}
