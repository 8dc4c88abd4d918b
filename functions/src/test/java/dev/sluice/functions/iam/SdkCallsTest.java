package dev.sluice.functions.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * FunctionActions stays honest: the AWS SDK calls in the code the functions run (infra/ and
 * functions/, main sources; AwsResources only creates tables and queues for emulators and tests)
 * are exactly the actions FunctionActions lists, plus the config and secret reads.
 */
class SdkCallsTest {
    /** Receiver (as the code names its SDK client) to IAM service prefix. */
    private static final Map<String, String> SERVICES = Map.of("db", "dynamodb", "sqs", "sqs", "ssm.get()", "ssm",
            "s3.get()", "s3", "client", "secretsmanager");
    private static final Pattern CALL = Pattern.compile("\\b(db|sqs|ssm\\.get\\(\\)|s3\\.get\\(\\)|client)\\.([a-z][A-Za-z]+)\\(");
    private static final Set<String> NOT_REQUESTS = Set.of("waiter", "close", "serviceClientConfiguration");

    @Test
    void theCodeCallsExactlyTheListedActions() throws IOException {
        Set<String> called = new TreeSet<>();
        Path root = FlowRoot.find();
        for (String module : List.of("infra", "functions")) {
            try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main/java"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("AwsResources.java")).toList()) {
                    Matcher m = CALL.matcher(Files.readString(f));
                    while (m.find()) {
                        if (!NOT_REQUESTS.contains(m.group(2))) {
                            called.add(SERVICES.get(m.group(1)) + ":" + action(m.group(2)) + " (" + f.getFileName() + ")");
                        }
                    }
                }
            }
        }
        Set<String> actions = new TreeSet<>();
        called.forEach(c -> actions.add(c.substring(0, c.indexOf(' '))));
        Set<String> listed = new TreeSet<>(List.of("ssm:GetParameter", "s3:GetObject", "secretsmanager:GetSecretValue"));
        FunctionActions.functions().forEach(fn -> FunctionActions.code(fn).forEach(g -> listed.add(g.action())));
        assertThat(actions).as("actions of the SDK calls " + called).isEqualTo(listed);
    }

    /** queryPaginator -> Query, getObjectAsBytes -> GetObject, sendMessageBatch -> SendMessage (IAM has no batch action for SQS). */
    private static String action(String method) {
        String m = method.replaceFirst("Paginator$", "").replaceFirst("AsBytes$", "");
        String action = Character.toUpperCase(m.charAt(0)) + m.substring(1);
        return action.equals("SendMessageBatch") || action.equals("DeleteMessageBatch") ? action.replace("Batch", "") : action;
    }

    /** The project root, from the working directory up. */
    private static final class FlowRoot {
        static Path find() {
            for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
                if (Files.isRegularFile(d.resolve("template.yaml"))) {
                    return d;
                }
            }
            throw new IllegalStateException("no template.yaml above " + Path.of("").toAbsolutePath());
        }
    }
}
