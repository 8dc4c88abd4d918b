package dev.sluice.cli;

import dev.sluice.emulators.InterceptingProxy;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;

/**
 * A proxy in front of moto that answers 403 AccessDenied to the requests a rule picks by the
 * SigV4 credential scope's access key id and region (so one account's region can be denied while
 * every other call reaches moto unchanged).
 */
final class DenyingAwsProxy implements AutoCloseable {
    private static final InterceptingProxy.Answer DENIED = new InterceptingProxy.Answer(403, "text/xml",
            "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>"
                    + "<Message>denied by the test proxy</Message></Error></ErrorResponse>");

    private final AtomicInteger denied = new AtomicInteger();
    private final InterceptingProxy proxy;

    /** {@code deny} gets each request's access key id and signing region. */
    DenyingAwsProxy(URI target, BiPredicate<String, String> deny) {
        this.proxy = new InterceptingProxy(target, r -> {
            if (!r.accessKeyId().equals("?") && deny.test(r.accessKeyId(), r.region())) {
                denied.incrementAndGet();
                return Optional.of(DENIED);
            }
            return Optional.empty();
        });
    }

    URI endpoint() {
        return proxy.endpoint();
    }

    int denied() {
        return denied.get();
    }

    @Override
    public void close() {
        proxy.close();
    }
}
