package dev.sluice.infra;

import dev.sluice.engine.plan.WorkItem;
import dev.sluice.engine.run.WorkMessages;
import dev.sluice.engine.run.WorkQueue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Work items onto the SQS work queue as {@link WorkMessages} JSON, ten to a batch (and at
 * most 256 KiB of bodies); entries SQS failed are sent again a bounded number of times, then
 * the call fails naming how many were not sent. Finalization requests go to the finalize queue.
 */
public final class SqsWorkQueue implements WorkQueue {
    private static final int BATCH = 10;
    private static final int BATCH_BYTES = 256 * 1024;

    private final SqsClient sqs;
    private final String workQueueUrl;
    private final String finalizeQueueUrl;
    private final int attempts;

    public SqsWorkQueue(SqsClient sqs, String workQueueUrl, String finalizeQueueUrl, int attempts) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.workQueueUrl = Objects.requireNonNull(workQueueUrl, "workQueueUrl");
        this.finalizeQueueUrl = Objects.requireNonNull(finalizeQueueUrl, "finalizeQueueUrl");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1");
        }
        this.attempts = attempts;
    }

    public SqsWorkQueue(SqsClient sqs, String workQueueUrl, String finalizeQueueUrl) {
        this(sqs, workQueueUrl, finalizeQueueUrl, 4);
    }

    @Override
    public void enqueue(List<WorkItem> items) {
        List<String> bodies = items.stream().map(WorkMessages::encode).toList();
        int unsent = 0;
        String lastError = "";
        for (List<String> batch : batches(bodies)) {
            Map<String, String> pending = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                pending.put(Integer.toString(i), batch.get(i));
            }
            for (int attempt = 0; attempt < attempts && !pending.isEmpty(); attempt++) {
                Backoff.pause(attempt);
                List<SendMessageBatchRequestEntry> entries = pending.entrySet().stream().map(e ->
                        SendMessageBatchRequestEntry.builder().id(e.getKey()).messageBody(e.getValue()).build()).toList();
                SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(workQueueUrl).entries(entries));
                Map<String, String> failed = new LinkedHashMap<>();
                for (BatchResultErrorEntry f : response.failed()) {
                    failed.put(f.id(), pending.get(f.id()));
                    lastError = f.code() + ": " + f.message();
                }
                pending = failed;
            }
            unsent += pending.size();
        }
        if (unsent > 0) {
            throw new IllegalStateException(unsent + " of " + items.size() + " work items were not sent to queue "
                    + workQueueUrl + " after " + attempts + " attempts (last error " + lastError + ")");
        }
    }

    @Override
    public void requestFinalize(String runId) {
        sqs.sendMessage(b -> b.queueUrl(finalizeQueueUrl).messageBody(WorkMessages.encodeFinalize(runId)));
    }

    /** Groups of at most ten bodies and {@value #BATCH_BYTES} bytes. */
    private static List<List<String>> batches(List<String> bodies) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int bytes = 0;
        for (String body : bodies) {
            int size = body.getBytes(StandardCharsets.UTF_8).length;
            if (!current.isEmpty() && (current.size() == BATCH || bytes + size > BATCH_BYTES)) {
                out.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(body);
            bytes += size;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }
}
