package dev.sluice.functions;

import java.time.Duration;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * When a message the fetch function hands back to the queue comes again. Left alone, SQS
 * redelivers it after the queue's visibility timeout, which is six times the function's
 * timeout (90 minutes for a 15-minute fetch): far too long to wait out a database restart.
 * So a transient failure sets its own, growing delay, and a malformed message none, so that
 * it reaches the dead-letter queue at once instead of after hours.
 */
@FunctionalInterface
public interface Redelivery {
    /** Leaves every message to the queue's visibility timeout. */
    Redelivery QUEUE_TIMEOUT = (receiptHandle, delay) -> { };

    void after(String receiptHandle, Duration delay);

    /** 30 s after the first delivery, doubling with each one, at most 15 minutes. */
    static Duration backoff(int receiveCount) {
        int doublings = Math.min(Math.max(receiveCount, 1) - 1, 5);
        return Duration.ofSeconds(Math.min(900, 30L << doublings));
    }

    /** Changes the message's visibility on {@code queueUrl}; a failure leaves the queue's timeout in force. */
    static Redelivery sqs(SqsClient sqs, String queueUrl) {
        return (receiptHandle, delay) -> {
            try {
                sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(receiptHandle)
                        .visibilityTimeout((int) delay.toSeconds()));
            } catch (RuntimeException e) {
                System.getLogger(Redelivery.class.getName()).log(System.Logger.Level.WARNING,
                        "could not shorten a message's visibility (" + e.getMessage() + "); the queue's timeout applies");
            }
        };
    }
}
