package dev.sluice.connector.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.spi.ConfigException;
import dev.sluice.spi.ConnectorConfig;
import dev.sluice.spi.Source;
import dev.sluice.spi.SourceFactory;
import dev.sluice.spi.Spec;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class AwsSourceFactoryTest {

    private static SourceFactory aws() {
        return ServiceLoader.load(SourceFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.name().equals("aws")).findFirst().orElseThrow();
    }

    @Test
    void isRegisteredAndListsItsTablesWithoutCallingAws() {
        try (Source source = aws().create(new ConnectorConfig("aws", new Spec(Map.of("regions", List.of("us-east-1")))))) {
            assertThat(source.tables()).extracting(t -> t.name())
                    .contains(IamRolesTable.NAME, IamUsersTable.NAME, S3BucketsTable.NAME);
            assertThat(source.partitions(source.tables().get(0))).containsExactly("us-east-1/default");
        }
    }

    @Test
    void aBadSpecFailsAtCreate() {
        assertThatThrownBy(() -> aws().create(new ConnectorConfig("aws", new Spec(Map.of("max_retries", "many")))))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.field()).contains("max_retries"));
    }
}
