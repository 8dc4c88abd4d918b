package dev.sluice.emulators.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Lambda's Context for invoking handlers on this machine (the Lambda runtime itself cannot run
 * here). Its remaining time either follows the clock from a timeout, as Lambda's does, or is
 * under a test's control: it starts at {@code startMillis} and drops by {@code stepMillis} each
 * time it is asked (the engine asks after every page), so an invocation runs a known number of
 * pages before its budget falls under the margin.
 */
public final class LocalContext implements Context {
    private final String requestId = UUID.randomUUID().toString();
    private final LongSupplier remaining;

    private LocalContext(LongSupplier remaining) {
        this.remaining = remaining;
    }

    /** Remaining time counts down from {@code timeout} with the clock, as on Lambda. */
    public static LocalContext withTimeout(java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        return new LocalContext(() -> (deadline - System.nanoTime()) / 1_000_000);
    }

    /** Remaining time starts at {@code startMillis} and drops by {@code stepMillis} at every question. */
    public static LocalContext countingDown(long startMillis, long stepMillis) {
        AtomicLong left = new AtomicLong(startMillis);
        return new LocalContext(() -> left.getAndAdd(-stepMillis));
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, remaining.getAsLong());
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/sluice-test";
    }

    @Override
    public String getLogStreamName() {
        return "test";
    }

    @Override
    public String getFunctionName() {
        return "sluice-test";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:000000000000:function:sluice-test";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                System.err.println(message);
            }

            @Override
            public void log(byte[] message) {
                System.err.println(new String(message, java.nio.charset.StandardCharsets.UTF_8));
            }
        };
    }
}
