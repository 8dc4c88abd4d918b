package dev.sluice.engine.fetch;

import dev.sluice.engine.plan.Run;
import dev.sluice.engine.plan.WorkItem;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/**
 * Where in a sync a cursor was reached, as text that sorts in the order the pages were
 * fetched: the run's sync time (fixed-width ISO-8601), the work item message's sequence and
 * the page's number within that message. A replay of a message fetches the same pages from
 * the same resume token, so its pages get the same positions as the first attempt's, and a
 * later run sorts after every position of an earlier one.
 */
public final class CursorPosition {
    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder().appendInstant(9).toFormatter();

    private CursorPosition() {
    }

    /** The position of page {@code page} (1 for the first) of {@code message} in {@code run}. */
    public static String of(Run run, WorkItem message, int page) {
        return ISO.format(run.syncTime()) + "/" + String.format("%019d", message.sequence()) + "/" + String.format("%010d", page);
    }
}
