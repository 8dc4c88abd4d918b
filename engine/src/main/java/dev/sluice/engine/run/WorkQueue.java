package dev.sluice.engine.run;

import dev.sluice.engine.plan.WorkItem;
import java.util.List;

/** Where work items and finalization requests travel: an in-process queue locally, SQS on AWS. Messages, never rows. */
public interface WorkQueue {
    void enqueue(List<WorkItem> items);

    void requestFinalize(String runId);
}
