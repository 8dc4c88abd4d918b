package dev.sluice.functions.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.functions.iam.FunctionActions;
import dev.sluice.functions.iam.Roles;
import dev.sluice.functions.iam.SamExpansion;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Least privilege, read from the template as SAM expands it (samtranslator) and resolved for a
 * deployment: each function's role grants exactly the actions FunctionActions lists for its
 * code, on exactly their resources, and nothing else; no managed policy. Four deployments
 * cover every form ConfigLocation accepts, with and without a secret and a VPC.
 */
class LeastPrivilegeTest {
    static Stream<Arguments> deployments() {
        return Stream.of(
                Arguments.of("defaults: ssm:/name, no secret, no VPC", Map.of()),
                Arguments.of("ssm:<ARN>, a secret, a VPC", Map.of(
                        "ConfigLocation", "ssm:arn:aws:ssm:eu-west-1:210987654321:parameter/team/sluice.yml",
                        "DatabaseSecretArn", "arn:aws:secretsmanager:us-east-1:123456789012:secret:sluice-db-AbCdEf",
                        "SubnetIds", "subnet-0a1b,subnet-2c3d", "SecurityGroupIds", "sg-0e4f")),
                Arguments.of("s3://bucket/key", Map.of("ConfigLocation", "s3://config-bucket.example/sluice/prod.yml")),
                Arguments.of("a path in the jar", Map.of("ConfigLocation", "config/sluice.yml")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void everyRoleGrantsExactlyWhatItsCodeCalls(String name, Map<String, String> parameters) {
        JsonNode expanded = SamExpansion.expand(ProjectFiles.template(), parameters);
        Roles roles = new Roles(expanded, parameters);
        for (String fn : FunctionActions.functions()) {
            assertThat(roles.managedPolicies(fn)).as(fn + " managed policies").isEmpty();
            assertThat(roles.granted(fn)).as(fn + " in deployment " + name).containsExactlyElementsOf(roles.required(fn));
        }
    }

    @Test
    void theFetchRoleCanHandAMessageBackOnItsQueueOnly() {
        Roles roles = new Roles(SamExpansion.expand(ProjectFiles.template(), Map.of()), Map.of());
        assertThat(roles.granted("FetchFunction")).filteredOn(g -> g.startsWith("sqs:ChangeMessageVisibility"))
                .containsExactly("sqs:ChangeMessageVisibility on arn:aws:sqs:us-east-1:123456789012:WorkQueue");
        for (String fn : FunctionActions.functions()) {
            assertThat(roles.granted(fn)).as(fn).noneMatch(g -> g.startsWith("sqs:") && g.endsWith(" on *"))
                    .noneMatch(g -> g.startsWith("ssm:DescribeParameters")).noneMatch(g -> g.startsWith("dynamodb:Scan"));
        }
    }

    @Test
    void theOtherRolesSamMakesOnlyInvokeTheFunctionOrReachTheScheduleDlq() {
        JsonNode expanded = SamExpansion.expand(ProjectFiles.template(), Map.of());
        java.util.Set<String> functionRoles = new java.util.TreeSet<>();
        Roles roles = new Roles(expanded, Map.of());
        FunctionActions.functions().forEach(fn -> functionRoles.add(roles.roleOf(fn)));
        java.util.List<String> grants = new java.util.ArrayList<>();
        expanded.path("Resources").fields().forEachRemaining(r -> {
            if (r.getValue().path("Type").asText().equals("AWS::IAM::Role") && !functionRoles.contains(r.getKey())) {
                assertThat(r.getValue().path("Properties").has("ManagedPolicyArns")).as(r.getKey()).isFalse();
                r.getValue().path("Properties").path("Policies").forEach(p -> p.path("PolicyDocument").path("Statement").forEach(st ->
                        grants.add(r.getKey() + " " + st.path("Action").asText() + " on " + st.path("Resource"))));
            }
        });
        assertThat(grants).containsExactlyInAnyOrder(
                "FinalizerFunctionSweepRole lambda:InvokeFunction on {\"Ref\":\"FinalizerFunctionAliaslive\"}",
                "PlannerFunctionScheduledRole lambda:InvokeFunction on {\"Ref\":\"PlannerFunctionAliaslive\"}",
                "PlannerFunctionScheduledRole sqs:SendMessage on {\"Fn::GetAtt\":[\"ScheduleDeadLetterQueue\",\"Arn\"]}");
    }

    @Test
    void configLocationAcceptsOnlyWhatCanBeGranted() {
        JsonNode parameter = Template.read(ProjectFiles.template()).section("Parameters").path("ConfigLocation");
        Pattern allowed = Pattern.compile(parameter.path("AllowedPattern").asText());
        assertThat(Stream.of("ssm:/sluice/config", "ssm:arn:aws:ssm:eu-west-1:210987654321:parameter/team/sluice.yml",
                "s3://config-bucket/sluice/prod.yml", "config/sluice.yml", parameter.path("Default").asText()))
                .allMatch(l -> allowed.matcher(l).matches());
        assertThat(Stream.of("ssm:/a,ssm:/b", "ssm:sluice-config", "s3://bucket", "s3://bucket/a,s3://bucket/b",
                "ssm:arn:aws:ssm:eu-west-1:2109:parameter/x", "file:/etc/sluice.yml", "ssm:/a b"))
                .noneMatch(l -> allowed.matcher(l).matches());
    }
}
