package dev.sluice.cli;

import dev.sluice.engine.sync.ProgressListener;
import java.io.PrintStream;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The status line on a terminal ({@link StatusLine}), redrawn a few times a second: source,
 * tables done/total (children included), rows, rows/s, and an ETA when the source estimated
 * its rows. Nothing is drawn before the first source starts, so the first frame names it.
 */
final class LiveProgress implements ProgressListener, AutoCloseable {
    private final PrintStream out;
    private final AtomicInteger tablesTotal = new AtomicInteger();
    private final AtomicInteger tablesDone = new AtomicInteger();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong expected = new AtomicLong();
    private volatile boolean estimated = true;
    private volatile long started;
    private final ScheduledExecutorService ticker;
    private volatile String source;

    LiveProgress(PrintStream out) {
        this.out = out;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sluice-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::draw, 250, 250, TimeUnit.MILLISECONDS);
    }

    @Override
    public void runStarted(String name, int tables, OptionalLong estimatedRows) {
        if (source == null) {
            started = System.nanoTime();
        }
        tablesTotal.addAndGet(tables);
        estimatedRows.ifPresentOrElse(expected::addAndGet, () -> estimated = false);
        source = name;
    }

    @Override
    public void rowsFetched(String name, long n) {
        rows.addAndGet(n);
    }

    @Override
    public void tableDone(String name, String table, int tables, boolean failed) {
        tablesDone.addAndGet(tables);
    }

    private void draw() {
        String name = source;
        if (name == null) {
            return;
        }
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        long n = rows.get();
        double rate = n / seconds;
        StringBuilder line = new StringBuilder(String.format("%s: tables %d/%d, %,d rows, %,.0f rows/s",
                name, tablesDone.get(), tablesTotal.get(), n, rate));
        long total = expected.get();
        if (estimated && total > n && rate > 0) {
            line.append(String.format(", ~%,d rows left, ETA %s", total - n, eta((long) ((total - n) / rate))));
        }
        StatusLine.show(out, line.toString());
    }

    static String eta(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + String.format("%02ds", seconds % 60);
        }
        return seconds / 3600 + "h" + String.format("%02dm", seconds % 3600 / 60);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StatusLine.hide();
    }
}
