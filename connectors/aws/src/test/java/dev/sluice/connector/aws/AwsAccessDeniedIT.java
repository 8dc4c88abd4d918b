package dev.sluice.connector.aws;

import dev.sluice.emulators.MotoServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.spi.FetchRequest;
import dev.sluice.spi.Spec;
import dev.sluice.spi.Table;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * moto enforcing IAM: a caller allowed to list roles but not users reads aws_iam_roles, and
 * aws_iam_users fails alone with an error that names the table, account, region and the
 * permission AWS says is missing, and no secret.
 */
class AwsAccessDeniedIT {
    private static final String ALLOW = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"iam:ListRoles\",\"iam:GetRole\",\"sts:GetCallerIdentity\"],\"Resource\":\"*\"}]}";

    @Test
    void aDeniedTableFailsWithThePermissionAwsNamesAndTheOthersRead() {
        try (MotoServer moto = MotoServer.start()) {
            AccessKey key;
            try (IamClient iam = IamClient.builder().endpointOverride(moto.endpoint()).region(Region.AWS_GLOBAL)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build()) {
                iam.createRole(r -> r.roleName("visible").assumeRolePolicyDocument("{}"));
                iam.createUser(r -> r.userName("reader"));
                iam.putUserPolicy(r -> r.userName("reader").policyName("roles-only").policyDocument(ALLOW));
                key = iam.createAccessKey(r -> r.userName("reader")).accessKey();
            }
            moto.enforceIam();
            AwsSourceConfig config = AwsSourceConfig.parse(new Spec(Map.of("regions", List.of("us-east-1"),
                    "endpoint_url", moto.endpoint().toString(), "max_retries", 1)));
            try (AwsSource source = new AwsSource(config, StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())), AwsTables.all())) {
                Table roles = AwsSourceIT.table(source, IamRolesTable.NAME);
                assertThat(AwsSourceIT.drain(source, roles).rows()).extracting(r -> (String) r[7]).containsExactly("visible");

                Table users = AwsSourceIT.table(source, IamUsersTable.NAME);
                assertThatThrownBy(() -> source.fetch(new FetchRequest(users, "us-east-1/default", Optional.empty(), Optional.empty())))
                        .isInstanceOf(AwsAccessDeniedException.class)
                        .satisfies(e -> assertThat(((AwsAccessDeniedException) e).retryable()).isFalse())
                        .hasMessageContaining("aws_iam_users")
                        .hasMessageContaining("account default")
                        .hasMessageContaining("region us-east-1")
                        .hasMessageContaining("iam:ListUsers")
                        .message().doesNotContain(key.secretAccessKey());
            }
        }
    }
}
