import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Lambda's Java runtime, reduced to one invocation in a fresh JVM whose classpath is the function
 * jar, the layer's jars and this class only:
 *   java -cp sluice-functions.jar:layer/java/lib/*:DIR LayerRunner HANDLER_CLASS EVENT_FILE
 * Builds the handler through its no-arg constructor (as Lambda does), hands it the event and
 * prints "RESPONSE " and the handler's answer on one line. Compiled by LayerJarsIT at test time.
 */
public final class LayerRunner {
    public static void main(String[] args) throws Exception {
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0]).getConstructor().newInstance();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Files.readAllBytes(Path.of(args[1]))), out, new Budget());
        System.out.println("RESPONSE " + out.toString(StandardCharsets.UTF_8).replace('\n', ' '));
    }

    private static final class Budget implements Context {
        private final long deadline = System.nanoTime() / 1_000_000 + 120_000;
        private final String id = UUID.randomUUID().toString();

        public String getAwsRequestId() { return id; }
        public String getLogGroupName() { return "/aws/lambda/sluice"; }
        public String getLogStreamName() { return "layer-test"; }
        public String getFunctionName() { return "sluice"; }
        public String getFunctionVersion() { return "$LATEST"; }
        public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:123456789012:function:sluice"; }
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
