package dev.sluice.functions.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sluice.functions.iam.FunctionActions;
import dev.sluice.functions.iam.Intrinsics;
import dev.sluice.functions.iam.Roles;
import dev.sluice.functions.iam.SamExpansion;
import java.util.List;
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
 * code, on exactly their resources, and nothing else; no managed policy but the aws source's on
 * the fetch role. Four deployments cover every form ConfigLocation accepts, with and without a
 * secret and a VPC; three more the aws source (AwsInventory), with and without roles to assume;
 * two an s3 destination bucket (DestinationBucket).
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
                Arguments.of("a path in the jar", Map.of("ConfigLocation", "config/sluice.yml")),
                Arguments.of("aws source under SecurityAudit, no roles to assume", Map.of("AwsInventory", "SecurityAudit")),
                Arguments.of("aws source under ReadOnlyAccess, two roles to assume, a VPC", Map.of("AwsInventory", "ReadOnlyAccess",
                        "AwsInventoryRoleArns", TWO_ROLES, "SubnetIds", "subnet-0a1b", "SecurityGroupIds", "sg-0e4f")),
                Arguments.of("roles to assume without the aws source (ignored)", Map.of("AwsInventoryRoleArns", TWO_ROLES)),
                Arguments.of("an s3 destination bucket", Map.of("DestinationBucket", "lake.example-1")),
                Arguments.of("an s3 destination bucket with the aws source and a VPC", Map.of("DestinationBucket", "lake",
                        "AwsInventory", "ReadOnlyAccess", "SubnetIds", "subnet-0a1b", "SecurityGroupIds", "sg-0e4f")));
    }

    private static final String TWO_ROLES = "arn:aws:iam::222222222222:role/sluice-reader,arn:aws:iam::333333333333:role/audit/sluice";

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void everyRoleGrantsExactlyWhatItsCodeCalls(String name, Map<String, String> parameters) {
        JsonNode expanded = SamExpansion.expand(ProjectFiles.template(), parameters);
        Roles roles = new Roles(expanded, parameters);
        for (String fn : FunctionActions.functions()) {
            assertThat(roles.managedPolicies(fn)).as(fn + " managed policies").containsExactlyElementsOf(roles.requiredManagedPolicies(fn));
            assertThat(roles.granted(fn)).as(fn + " in deployment " + name).containsExactlyElementsOf(roles.required(fn));
        }
    }

    @Test
    void theAwsSourceAddsItsLayerToEveryFunctionAndItsReadsToTheRolesThatCallAws() {
        Map<String, String> audit = Map.of("AwsInventory", "SecurityAudit", "AwsInventoryRoleArns", TWO_ROLES);
        JsonNode expanded = SamExpansion.expand(ProjectFiles.template(), audit);
        Roles roles = new Roles(expanded, audit);
        assertThat(roles.managedPolicies("FetchFunction")).containsExactly("arn:aws:iam::aws:policy/SecurityAudit");
        for (String fn : List.of("PlannerFunction", "ApiFunction", "FinalizerFunction")) {
            assertThat(roles.managedPolicies(fn)).as(fn).isEmpty();
        }
        for (String fn : List.of("PlannerFunction", "ApiFunction", "FetchFunction")) {
            assertThat(roles.granted(fn)).as(fn).filteredOn(g -> g.startsWith("sts:AssumeRole")).containsExactly(
                    "sts:AssumeRole on arn:aws:iam::222222222222:role/sluice-reader",
                    "sts:AssumeRole on arn:aws:iam::333333333333:role/audit/sluice");
        }
        assertThat(roles.granted("FinalizerFunction")).noneMatch(g -> g.startsWith("sts:") || g.startsWith("ec2:") || g.startsWith("lambda:"));
        assertThat(roles.granted("FetchFunction")).filteredOn(g -> g.startsWith("lambda:")).containsExactly(
                "lambda:GetCodeSigningConfig on arn:aws:lambda:*:123456789012:code-signing-config:*",
                "lambda:GetCodeSigningConfig on arn:aws:lambda:*:123456789012:function:*",
                "lambda:GetFunction on arn:aws:lambda:*:123456789012:code-signing-config:*",
                "lambda:GetFunction on arn:aws:lambda:*:123456789012:function:*");
        String layer = layerIds(expanded).get(0);
        Intrinsics resolved = new Intrinsics(expanded, audit, Roles.REGION, Roles.ACCOUNT);
        assertThat(resolved.condition(expanded.path("Resources").path(layer).path("Condition").asText())).isTrue();
        for (String fn : FunctionActions.functions()) {
            assertThat(resolved.resolve(expanded.path("Resources").path(fn).path("Properties").path("Layers")))
                    .as(fn + " layers").containsExactly(TextNode.valueOf(layer));
        }
        JsonNode props = expanded.path("Resources").path(layer).path("Properties");
        assertThat(props.path("CompatibleRuntimes").toString()).isEqualTo("[\"java21\"]");
    }

    @Test
    void withoutTheAwsSourceNoFunctionHasItsLayerPolicyOrAssumeRole() {
        for (Map<String, String> parameters : List.of(Map.<String, String>of(), Map.of("AwsInventoryRoleArns", TWO_ROLES))) {
            JsonNode expanded = SamExpansion.expand(ProjectFiles.template(), parameters);
            Roles roles = new Roles(expanded, parameters);
            Intrinsics resolved = new Intrinsics(expanded, parameters, Roles.REGION, Roles.ACCOUNT);
            List<String> layers = layerIds(expanded);
            assertThat(layers).hasSize(1);
            assertThat(resolved.condition(expanded.path("Resources").path(layers.get(0)).path("Condition").asText()))
                    .as("the layer is created").isFalse();
            for (String fn : FunctionActions.functions()) {
                assertThat(roles.managedPolicies(fn)).as(fn).isEmpty();
                assertThat(roles.granted(fn)).as(fn).noneMatch(g -> g.startsWith("sts:AssumeRole") || g.startsWith("ec2:DescribeRegions"));
                assertThat(resolved.resolve(expanded.path("Resources").path(fn).path("Properties").path("Layers"))).as(fn).isEmpty();
            }
        }
    }

    @Test
    void theAwsSourceWithoutRolesToAssumeGrantsNoAssumeRole() {
        Map<String, String> readOnly = Map.of("AwsInventory", "ReadOnlyAccess");
        Roles roles = new Roles(SamExpansion.expand(ProjectFiles.template(), readOnly), readOnly);
        for (String fn : FunctionActions.functions()) {
            assertThat(roles.granted(fn)).as(fn).noneMatch(g -> g.startsWith("sts:")).noneMatch(g -> g.startsWith("lambda:"));
        }
        assertThat(roles.managedPolicies("FetchFunction")).containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess");
    }

    @Test
    void roleArnsAcceptOnlyRoleArns() {
        Pattern allowed = Pattern.compile(Template.read(ProjectFiles.template()).section("Parameters")
                .path("AwsInventoryRoleArns").path("AllowedPattern").asText());
        assertThat(Stream.of("", "arn:aws:iam::222222222222:role/sluice-reader", "arn:aws-cn:iam::222222222222:role/a/b"))
                .allMatch(r -> allowed.matcher(r).matches());
        assertThat(Stream.of("*", "arn:aws:iam::222222222222:role/*", "arn:aws:iam::*:role/x", "arn:aws:iam::222222222222:user/x"))
                .noneMatch(r -> allowed.matcher(r).matches());
    }

    @Test
    void destinationBucketAcceptsOnlyABucketNameSoNoWildcardReachesAPolicy() {
        Pattern allowed = Pattern.compile(Template.read(ProjectFiles.template()).section("Parameters")
                .path("DestinationBucket").path("AllowedPattern").asText());
        assertThat(Stream.of("", "lake", "my.lake-2026")).allMatch(b -> allowed.matcher(b).matches());
        assertThat(Stream.of("*", "lake/*", "s3://lake", "Lake", "lake/raw", "ab"))
                .noneMatch(b -> allowed.matcher(b).matches());
    }

    @Test
    void withoutADestinationBucketNoRoleMayWriteToS3() {
        JsonNode expanded = SamExpansion.expand(ProjectFiles.template(), Map.of());
        Roles roles = new Roles(expanded, Map.of());
        for (String fn : FunctionActions.functions()) {
            assertThat(roles.granted(fn)).as(fn).noneMatch(g -> g.startsWith("s3:Put") || g.startsWith("s3:Delete")
                    || g.startsWith("s3:Abort"));
        }
    }

    private static List<String> layerIds(JsonNode expanded) {
        List<String> out = new java.util.ArrayList<>();
        expanded.path("Resources").fields().forEachRemaining(r -> {
            if (r.getValue().path("Type").asText().equals("AWS::Lambda::LayerVersion")) {
                out.add(r.getKey());
            }
        });
        return out;
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
