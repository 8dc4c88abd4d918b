package dev.sluice.functions.e2e;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lambda's Context, the one piece of the Lambda runtime that cannot run here. Its remaining
 * time is under the test's control: it starts at {@code startMillis} and drops by
 * {@code stepMillis} each time it is asked (the engine asks after every page), so an
 * invocation runs a known number of pages before its budget falls under the margin.
 */
final class BudgetContext implements Context {
    private final String requestId = UUID.randomUUID().toString();
    private final AtomicLong remaining;
    private final long step;

    BudgetContext(long startMillis, long stepMillis) {
        this.remaining = new AtomicLong(startMillis);
        this.step = stepMillis;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, remaining.getAndAdd(-step));
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
