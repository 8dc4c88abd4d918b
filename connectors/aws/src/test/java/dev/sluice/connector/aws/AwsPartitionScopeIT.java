package dev.sluice.connector.aws;

import dev.sluice.emulators.MotoServer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.spi.FetchRequest;
import dev.sluice.spi.Page;
import dev.sluice.spi.Spec;
import dev.sluice.spi.Table;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Each partition's scope (what delete-stale may delete for it) matches the rows it fetches, for a regional and a global table, for the default credentials' account and an assumed role's. */
class AwsPartitionScopeIT {
    @Test
    void scopesMatchRows() {
        MotoServer moto = MotoServer.start();
        try {
            AwsSourceConfig config = AwsSourceConfig.parse(new Spec(Map.of(
                    "regions", List.of("us-east-1", "eu-west-1"),
                    "accounts", List.of(Map.of("id", "main"), Map.of("id", "other", "role_arn",
                            "arn:aws:iam::222222222222:role/sluice-reader", "external_id", "ext-1")),
                    "endpoint_url", moto.endpoint().toString(), "max_retries", 2, "max_backoff", "1s")));
            var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
            for (AwsTable awsTable : List.of(new ScopeTable(), new IamRolesTable(5))) {
                try (AwsSource fresh = new AwsSource(config, creds, List.of(new ScopeTable(), new IamRolesTable(5)));
                     AwsSource fetching = new AwsSource(config, creds, List.of(new ScopeTable(), new IamRolesTable(5)))) {
                    Table table = awsTable.table();
                    for (String partition : fresh.partitions(table)) {
                        Map<String, Object> scope = fresh.partitionScope(table, partition).orElseThrow();
                        assertThat(scope.keySet()).containsExactlyElementsOf(awsTable.global() ? List.of("account_id")
                                : List.of("account_id", "region"));
                        Page page = fetching.fetch(new FetchRequest(table, partition, Optional.empty(), Optional.empty()));
                        for (Object[] row : page.rows()) {
                            scope.forEach((c, v) -> assertThat(row[table.columnIndex(c)]).isEqualTo(v));
                        }
                        assertThat(fetching.partitionScope(table, partition)).contains(scope);
                    }
                }
            }
        } finally {
            moto.close();
        }
    }
}
