package dev.sluice.functions;

import dev.sluice.engine.serverless.ServerlessContext;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The context built from the config, kept while the config stays the same: older than the TTL,
 * the config (and the database secret) are read again; if they changed, a new context replaces
 * the old one, which is closed (its database connections with it). So an edited SSM parameter
 * or S3 object applies at most a TTL later, to the runs that start then, without a redeploy.
 */
final class LiveContext {
    private static final System.Logger LOG = System.getLogger(LiveContext.class.getName());
    private final Map<String, String> env;
    private final Supplier<AwsServices> services;
    private final Duration ttl;
    private final LongSupplier nanoTime;
    private ServerlessContext context;
    private String fingerprint;
    private long readAt;

    LiveContext(Map<String, String> env, Supplier<AwsServices> services, Duration ttl, LongSupplier nanoTime) {
        this.env = env;
        this.services = services;
        this.ttl = ttl;
        this.nanoTime = nanoTime;
    }

    synchronized ServerlessContext get() {
        long now = nanoTime.getAsLong();
        if (context != null && now - readAt < ttl.toNanos()) {
            return context;
        }
        Container.Config config = Container.Config.read(env, services.get());
        if (context != null && config.fingerprint().equals(fingerprint)) {
            readAt = now;
            return context;
        }
        ServerlessContext fresh = Container.build(env, services.get(), config);
        if (context != null) {
            LOG.log(System.Logger.Level.INFO, "the config or the database secret changed: runs started from now on use the new one");
            context.close();
        }
        context = fresh;
        fingerprint = config.fingerprint();
        readAt = now;
        return fresh;
    }
}
