package dev.sluice.files.store;

import dev.sluice.emulators.InterceptingProxy;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A proxy in front of moto_server (not enforcing IAM, so signatures are not checked) that
 * answers the requests a rule picks with an S3 error instead of forwarding them.
 */
final class FailingS3Proxy implements AutoCloseable {
    /** A request as the rule sees it: method, path and query. */
    record Seen(String method, String path, String query) {
        boolean hasQuery(String name) {
            return query != null && (("&" + query).contains("&" + name + "=") || ("&" + query + "&").contains("&" + name + "&"));
        }
    }

    private final AtomicInteger failed = new AtomicInteger();
    private final InterceptingProxy proxy;

    FailingS3Proxy(URI moto, Predicate<Seen> fail, int status, String code) {
        InterceptingProxy.Answer error = new InterceptingProxy.Answer(status, "application/xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code
                        + "</Code><Message>injected by the test</Message></Error>");
        this.proxy = new InterceptingProxy(moto, r -> {
            if (fail.test(new Seen(r.method(), r.uri().getRawPath(), r.uri().getRawQuery()))) {
                failed.incrementAndGet();
                return Optional.of(error);
            }
            return Optional.empty();
        });
    }

    URI endpoint() {
        return proxy.endpoint();
    }

    /** How many requests were answered with the error. */
    int failed() {
        return failed.get();
    }

    @Override
    public void close() {
        proxy.close();
    }
}
