package dev.sluice.functions.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Timeouts that cannot contradict each other: for every combination of the allowed values of
 * FetchTimeout, TimeMarginSeconds and StallMinutes, the template's Rules (evaluated here as
 * CloudFormation evaluates them before a deployment) accept it exactly when the margin is under
 * half the timeout and the stall outlasts the longest time a message can legitimately be out of
 * sight plus an invocation to make progress; the work queue's visibility follows the timeout.
 */
class TimeoutRulesTest {
    /** Redelivery's backoff cap: a handed-back message is invisible at most this long. */
    private static final long MAX_BACKOFF_SECONDS = 900;

    private static Template template;

    @BeforeAll
    static void read() {
        template = Template.read(ProjectFiles.template());
    }

    @Test
    void rulesAcceptExactlyTheConsistentCombinations() {
        List<String> wrong = new ArrayList<>();
        int accepted = 0;
        for (long timeout : allowed("FetchTimeout")) {
            for (long margin : allowed("TimeMarginSeconds")) {
                for (long stall : allowed("StallMinutes")) {
                    Map<String, String> values = Map.of("FetchTimeout", "" + timeout, "TimeMarginSeconds", "" + margin,
                            "StallMinutes", "" + stall);
                    boolean consistent = 2 * margin < timeout
                            && stall * 60 >= Math.max(visibility(timeout), MAX_BACKOFF_SECONDS) + timeout;
                    boolean passes = rulesPass(values);
                    accepted += passes ? 1 : 0;
                    if (passes != consistent) {
                        wrong.add(values + (passes ? " accepted" : " refused"));
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(accepted).isPositive();
        assertThat(rulesPass(Map.of())).as("the defaults").isTrue();
    }

    @Test
    void theWorkQueueIsInvisibleSixTimesTheFetchTimeout() {
        JsonNode visibility = template.resource("WorkQueue").orElseThrow().path("Properties").path("VisibilityTimeout");
        assertThat(Template.refName(visibility.path("Fn::FindInMap").path(1))).contains("FetchTimeout");
        for (long timeout : allowed("FetchTimeout")) {
            assertThat(visibility(timeout)).as("FetchTimeout " + timeout).isEqualTo(6 * timeout);
        }
    }

    @Test
    void cfnLintFindsNothing() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("cfn-lint", ProjectFiles.template().toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    private static long visibility(long timeout) {
        JsonNode find = template.resource("WorkQueue").orElseThrow().path("Properties").path("VisibilityTimeout").path("Fn::FindInMap");
        return template.section("Mappings").path(find.get(0).asText()).path(Long.toString(timeout)).path(find.get(2).asText()).asLong(-1);
    }

    private static List<Long> allowed(String parameter) {
        List<Long> out = new ArrayList<>();
        template.section("Parameters").path(parameter).path("AllowedValues").forEach(v -> out.add(v.asLong()));
        assertThat(out).as(parameter + " AllowedValues").isNotEmpty();
        return out;
    }

    /** Every rule whose RuleCondition holds has all its Assertions true (parameters not given take their Default). */
    private static boolean rulesPass(Map<String, String> values) {
        for (Map.Entry<String, JsonNode> rule : Template.entries(template.section("Rules"))) {
            JsonNode condition = rule.getValue().path("RuleCondition");
            if (!condition.isMissingNode() && !bool(condition, values)) {
                continue;
            }
            for (JsonNode a : rule.getValue().path("Assertions")) {
                if (!bool(a.path("Assert"), values)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean bool(JsonNode n, Map<String, String> values) {
        String fn = n.fieldNames().next();
        JsonNode arg = n.get(fn);
        return switch (fn) {
            case "Fn::Equals" -> value(arg.get(0), values).equals(value(arg.get(1), values));
            case "Fn::Not" -> !bool(arg.get(0), values);
            case "Fn::And" -> { boolean all = true; for (JsonNode c : arg) { all &= bool(c, values); } yield all; }
            case "Fn::Or" -> { boolean any = false; for (JsonNode c : arg) { any |= bool(c, values); } yield any; }
            case "Fn::Contains" -> {
                String v = value(arg.get(1), values);
                boolean found = false;
                for (JsonNode x : arg.get(0)) {
                    found |= x.asText().equals(v);
                }
                yield found;
            }
            default -> throw new AssertionError("a rule uses " + fn + ", which this test does not evaluate");
        };
    }

    private static String value(JsonNode n, Map<String, String> values) {
        return Template.refName(n).map(p -> values.getOrDefault(p, template.section("Parameters").path(p).path("Default").asText()))
                .orElse(n.asText());
    }
}
