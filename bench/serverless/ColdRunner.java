import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.sluice.functions.FetchHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * One cold fetch invocation in a fresh JVM, on the deployment jar alone (the handler's no-arg
 * constructor, Lambda's INIT, timed apart from the first event it handles):
 *   java -cp functions/target/sluice-functions.jar:<dir with ColdRunner.class> ColdRunner event.json
 * Plays the part of Lambda's Java runtime: reads the SQS event, calls the real handler through
 * its no-arg constructor (which builds the container from the environment, as on Lambda), and
 * prints, as one line, the epoch microseconds at main() and when the handler returned, and the
 * handler's answer. The driver (ColdStartBench) measures from just before it spawned this JVM.
 * Compiled with javac once, never run as a single-file source (that would time javac too).
 */
public final class ColdRunner {
    public static void main(String[] args) throws Exception {
        long mainAt = micros();
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FetchHandler handler = new FetchHandler(); // Lambda's INIT: what a SnapStart snapshot holds
        long initAt = micros();
        handler.handleRequest(new ByteArrayInputStream(event), out, new BudgetContext(15 * 60_000L));
        long doneAt = micros();
        // only now: the management classes cost time of their own
        long jvmStartMs = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("COLD main_us=" + mainAt + " init_us=" + initAt + " done_us=" + doneAt + " jvm_start_ms=" + jvmStartMs
                + " response=" + out.toString(StandardCharsets.UTF_8));
    }

    private static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** Lambda's Context with the remaining time counting down with the clock from the timeout. */
    private static final class BudgetContext implements Context {
        private final long deadline;
        private final String id = UUID.randomUUID().toString();

        BudgetContext(long timeoutMillis) {
            this.deadline = System.nanoTime() / 1_000_000 + timeoutMillis;
        }

        public String getAwsRequestId() { return id; }
        public String getLogGroupName() { return "/aws/lambda/sluice-fetch"; }
        public String getLogStreamName() { return "bench"; }
        public String getFunctionName() { return "sluice-fetch"; }
        public String getFunctionVersion() { return "$LATEST"; }
        public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:sluice-fetch"; }
        public CognitoIdentity getIdentity() { return null; }
        public ClientContext getClientContext() { return null; }
        public int getRemainingTimeInMillis() { return (int) Math.max(0, deadline - System.nanoTime() / 1_000_000); }
        public int getMemoryLimitInMB() { return 1024; }
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                public void log(String message) { System.err.println(message); }
                public void log(byte[] message) { System.err.println(new String(message, StandardCharsets.UTF_8)); }
            };
        }
    }
}
