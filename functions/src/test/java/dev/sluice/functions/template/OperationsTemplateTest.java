package dev.sluice.functions.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.functions.RunMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the template gives whoever operates Sluice: JSON logs in log groups of its own with a
 * retention, alarms on every dead-letter queue and on runs that did not succeed (on the metric
 * RunMetrics writes), an optional SNS topic for them, and a dead-letter queue for the schedule.
 */
class OperationsTemplateTest {
    private static Template template;

    @BeforeAll
    static void read() {
        template = Template.read(ProjectFiles.template());
    }

    @Test
    void everyFunctionLogsJsonToALogGroupOfItsOwnKeptForTheRetentionParameter() {
        Set<String> groups = new TreeSet<>();
        for (String fn : template.resources("AWS::Serverless::Function").keySet()) {
            JsonNode logging = template.functionProperties(fn).path("LoggingConfig");
            assertThat(logging.path("LogFormat").asText()).as(fn).isEqualTo("JSON");
            String group = Template.refName(logging.path("LogGroup")).orElseThrow(() -> new AssertionError(fn + ": no LogGroup"));
            JsonNode g = template.resource(group).orElseThrow();
            assertThat(g.path("Type").asText()).isEqualTo("AWS::Logs::LogGroup");
            assertThat(Template.refName(g.path("Properties").path("RetentionInDays"))).contains("LogRetentionDays");
            groups.add(group);
            assertThat(template.functionProperties(fn).path("Environment").path("Variables").has("SLUICE_METRICS_STACK")).as(fn).isTrue();
        }
        assertThat(groups).hasSize(4);
    }

    @Test
    void everyDeadLetterQueueHasAnAlarm() {
        Set<String> dlqs = new TreeSet<>();
        for (JsonNode q : template.resources("AWS::SQS::Queue").values()) {
            Template.getAttResource(q.path("Properties").path("RedrivePolicy").path("deadLetterTargetArn"), "Arn").ifPresent(dlqs::add);
        }
        for (JsonNode fn : template.resources("AWS::Serverless::Function").values()) {
            for (Map.Entry<String, JsonNode> ev : Template.entries(fn.path("Properties").path("Events"))) {
                Template.getAttResource(ev.getValue().path("Properties").path("DeadLetterConfig").path("Arn"), "Arn").ifPresent(dlqs::add);
            }
        }
        assertThat(dlqs).containsExactlyInAnyOrder("WorkDeadLetterQueue", "FinalizeDeadLetterQueue", "ScheduleDeadLetterQueue");
        Set<String> alarmed = new TreeSet<>();
        for (JsonNode alarm : alarms()) {
            JsonNode p = alarm.path("Properties");
            if (p.path("Namespace").asText().equals("AWS/SQS")) {
                assertThat(p.path("MetricName").asText()).isEqualTo("ApproximateNumberOfMessagesVisible");
                assertThat(p.path("Threshold").asInt()).isEqualTo(1);
                assertThat(p.path("ComparisonOperator").asText()).isEqualTo("GreaterThanOrEqualToThreshold");
                Template.getAttResource(p.path("Dimensions").path(0).path("Value"), "QueueName").ifPresent(alarmed::add);
            }
        }
        assertThat(alarmed).isEqualTo(dlqs);
    }

    @Test
    void aRunThatDidNotSucceedRaisesAnAlarmOnTheMetricTheFinalizerWrites() {
        List<JsonNode> onRuns = alarms().stream()
                .filter(a -> a.path("Properties").path("Namespace").asText().equals(RunMetrics.NAMESPACE)).toList();
        assertThat(onRuns).hasSize(1);
        JsonNode p = onRuns.get(0).path("Properties");
        assertThat(p.path("MetricName").asText()).isEqualTo("RunsNotSucceeded");
        assertThat(p.path("Statistic").asText()).isEqualTo("Sum");
        assertThat(p.path("Dimensions").path(0).path("Name").asText()).isEqualTo("Stack");
        assertThat(Template.refName(p.path("Dimensions").path(0).path("Value"))).contains("AWS::StackName");
        assertThat(Template.refName(template.section("Globals").path("Function").path("Environment").path("Variables")
                .path("SLUICE_METRICS_STACK"))).contains("AWS::StackName");
    }

    @Test
    void alarmsNotifyTheOptionalTopic() {
        JsonNode topic = template.section("Parameters").path("AlarmTopicArn");
        assertThat(topic.path("Default").asText()).isEmpty();
        assertThat(alarms()).hasSize(4).allSatisfy(a -> {
            JsonNode actions = a.path("Properties").path("AlarmActions").path("Fn::If");
            assertThat(actions.get(0).asText()).isEqualTo("HasAlarmTopic");
            assertThat(Template.refName(actions.get(1).get(0))).contains("AlarmTopicArn");
            assertThat(Template.refName(actions.get(2))).contains("AWS::NoValue");
        });
    }

    @Test
    void theScheduledPlannerRetriesThenDeadLetters() {
        JsonNode schedule = null;
        for (Map.Entry<String, JsonNode> ev : Template.entries(template.functionProperties("PlannerFunction").path("Events"))) {
            if (ev.getValue().path("Type").asText().equals("ScheduleV2")) {
                schedule = ev.getValue().path("Properties");
            }
        }
        assertThat(schedule).isNotNull();
        assertThat(schedule.path("RetryPolicy").path("MaximumRetryAttempts").asInt()).isPositive();
        assertThat(Template.getAttResource(schedule.path("DeadLetterConfig").path("Arn"), "Arn")).contains("ScheduleDeadLetterQueue");
        assertThat(template.section("Outputs").has("ScheduleDeadLetterQueueUrl")).isTrue();
    }

    private static List<JsonNode> alarms() {
        return new ArrayList<>(template.resources("AWS::CloudWatch::Alarm").values());
    }
}
