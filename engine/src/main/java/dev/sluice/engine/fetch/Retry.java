package dev.sluice.engine.fetch;

import dev.sluice.spi.ConnectorException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Retries a call that failed with a {@link ConnectorException#retryable() retryable} error,
 * with exponential backoff, a bounded number of times. Other errors pass through at once.
 */
public record Retry(int attempts, Duration firstDelay, Duration maxDelay) {
    private static final System.Logger LOG = System.getLogger(Retry.class.getName());

    public Retry {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1");
        }
    }

    /** 5 attempts, 200 ms doubling up to 5 s. */
    public static Retry standard() {
        return new Retry(5, Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    public <T> T call(String what, Supplier<T> action) {
        Duration delay = firstDelay;
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (ConnectorException e) {
                if (!e.retryable() || attempt >= attempts) {
                    throw e;
                }
                LOG.log(System.Logger.Level.WARNING, "{0} failed (attempt {1} of {2}), retrying in {3} ms: {4}",
                        what, attempt, attempts, delay.toMillis(), e.getMessage());
                sleep(delay);
                delay = delay.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : delay.multipliedBy(2);
            }
        }
    }

    public void run(String what, Runnable action) {
        call(what, () -> {
            action.run();
            return null;
        });
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException("interrupted while waiting to retry", e);
        }
    }
}
