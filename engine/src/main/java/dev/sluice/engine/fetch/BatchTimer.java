package dev.sluice.engine.fetch;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The clock behind {@code batch_timeout}: checks each open work item's batches a few times per
 * timeout, so a batch is flushed once it has waited that long even while the source is slow to
 * send the next page. Shared by every item of the process, on daemon threads.
 */
final class BatchTimer {
    private static final Duration MIN_PERIOD = Duration.ofMillis(50);
    private static final Duration MAX_PERIOD = Duration.ofSeconds(1);
    private static final ScheduledExecutorService TIMER = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "sluice-batch-timer-" + Counter.NEXT.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private BatchTimer() {
    }

    /** Runs {@code check} every so often for a timeout of {@code timeout}, until the returned future is cancelled. */
    static ScheduledFuture<?> every(Duration timeout, Runnable check) {
        long period = Math.max(MIN_PERIOD.toMillis(), Math.min(MAX_PERIOD.toMillis(), timeout.toMillis() / 4));
        return TIMER.scheduleWithFixedDelay(check, period, period, TimeUnit.MILLISECONDS);
    }

    private static final class Counter {
        static final AtomicInteger NEXT = new AtomicInteger();
    }
}
