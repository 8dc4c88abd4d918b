package dev.sluice.cli;

import dev.sluice.engine.sync.ProgressListener;
import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** One status line on a terminal, redrawn a few times a second: tables done/total, rows, rows/s. */
final class LiveProgress implements ProgressListener, AutoCloseable {
    private final PrintStream out;
    private final AtomicInteger tablesTotal = new AtomicInteger();
    private final AtomicInteger tablesDone = new AtomicInteger();
    private final AtomicLong rows = new AtomicLong();
    private final long started = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private volatile String source = "";

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
    public void runStarted(String name, int tables) {
        source = name;
        tablesTotal.addAndGet(tables);
    }

    @Override
    public void rowsFetched(String name, long n) {
        rows.addAndGet(n);
    }

    @Override
    public void tableDone(String name, String table, boolean failed) {
        tablesDone.incrementAndGet();
    }

    private void draw() {
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        out.printf("\r\u001b[2K%s: tables %d/%d, %,d rows, %,.0f rows/s", source, tablesDone.get(), tablesTotal.get(),
                rows.get(), rows.get() / seconds);
        out.flush();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        out.print("\r\u001b[2K");
        out.flush();
    }
}
