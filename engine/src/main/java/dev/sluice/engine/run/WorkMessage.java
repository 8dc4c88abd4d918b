package dev.sluice.engine.run;

import dev.sluice.engine.plan.WorkItem;
import java.util.Objects;

/** A message on one of the run's queues. */
public sealed interface WorkMessage {
    record Work(WorkItem item) implements WorkMessage {
        public Work {
            Objects.requireNonNull(item, "item");
        }
    }

    record Finalize(String runId) implements WorkMessage {
        public Finalize {
            Objects.requireNonNull(runId, "runId");
        }
    }
}
