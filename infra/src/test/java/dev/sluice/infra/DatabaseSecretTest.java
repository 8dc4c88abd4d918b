package dev.sluice.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** A Secrets Manager secret as expansion variables: the whole string, and a JSON object's fields. */
class DatabaseSecretTest {
    private static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf";
    private static final String RDS = "{\"username\":\"sluice\",\"password\":\"p@ss \\\"w\\\"\",\"port\":5432,"
            + "\"db-name\":\"app\",\"nested\":{\"x\":1},\"nothing\":null}";

    private final SecretsManagerClient client = new SecretsManagerClient() {
        @Override
        public GetSecretValueResponse getSecretValue(GetSecretValueRequest r) {
            if (!r.secretId().equals(ARN)) {
                throw ResourceNotFoundException.builder().message("Secrets Manager can't find the specified secret.").build();
            }
            return GetSecretValueResponse.builder().secretString(RDS).build();
        }

        @Override
        public String serviceName() {
            return "secretsmanager";
        }

        @Override
        public void close() {
        }
    };

    @Test
    void aJsonSecretGivesOneVariablePerScalarField() {
        Map<String, String> vars = new DatabaseSecret(client).variables(ARN);
        assertThat(vars).containsExactlyInAnyOrderEntriesOf(Map.of(
                "SLUICE_DB_SECRET", RDS,
                "SLUICE_DB_USERNAME", "sluice",
                "SLUICE_DB_PASSWORD", "p@ss \"w\"",
                "SLUICE_DB_PORT", "5432",
                "SLUICE_DB_DB_NAME", "app"));
    }

    @Test
    void aPlainSecretIsTheWholeString() {
        assertThat(DatabaseSecret.variablesOf("hunter2")).isEqualTo(Map.of("SLUICE_DB_SECRET", "hunter2"));
        assertThat(DatabaseSecret.variablesOf("{not json")).isEqualTo(Map.of("SLUICE_DB_SECRET", "{not json"));
    }

    @Test
    void aMissingSecretIsNamed() {
        assertThatThrownBy(() -> new DatabaseSecret(client).variables("arn:other"))
                .isInstanceOf(ConfigLocationException.class).hasMessage("database secret arn:other does not exist");
    }
}
