package dev.sluice.connector.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.spi.Spec;
import dev.sluice.spi.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.ec2.model.Region;

/**
 * Without {@code regions}, or with {@code "*"}, an account is read in every region EC2
 * DescribeRegions lists for it (moto's list here), its global tables in its home region.
 */
class AwsRegionsIT {
    private static final AwsCredentialsProvider BASE = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    private static final String ROLE = "arn:aws:iam::222222222222:role/reader";
    private static MotoServer moto;
    private static List<String> enabled;

    @BeforeAll
    static void start() {
        assumeTrue(MotoServer.installed(), "moto_server is not on the PATH (pip install 'moto[server]')");
        moto = MotoServer.start();
        try (MotoClients clients = new MotoClients(moto, "us-east-1")) {
            enabled = clients.ec2().describeRegions().regions().stream().map(Region::regionName).sorted().toList();
        }
        assertThat(enabled).contains("us-east-1", "eu-west-1").hasSizeGreaterThan(10);
    }

    @AfterAll
    static void stop() {
        if (moto != null) {
            moto.close();
        }
    }

    private static AwsSource source(Map<String, Object> spec, Optional<String> defaultRegion) {
        Map<String, Object> all = new HashMap<>(spec);
        all.put("endpoint_url", moto.endpoint().toString());
        all.put("max_retries", 0);
        return new AwsSource(AwsSourceConfig.parse(new Spec(all)), BASE, List.of(new ScopeTable(), new IamRolesTable()),
                () -> defaultRegion);
    }

    @Test
    void withoutRegionsEveryEnabledRegionIsRead() {
        try (AwsSource source = source(Map.of(), Optional.of("eu-west-1"))) {
            Table regional = AwsSourceIT.table(source, ScopeTable.NAME);
            assertThat(source.partitions(regional))
                    .containsExactlyElementsOf(enabled.stream().map(r -> r + "/" + AwsAccount.DEFAULT_ID).toList());
            assertThat(source.partitions(AwsSourceIT.table(source, IamRolesTable.NAME)))
                    .as("a global table: once, in the default region").containsExactly("eu-west-1/default");
            assertThat(AwsSourceIT.drain(source, regional).rows()).extracting(r -> (String) r[1])
                    .containsExactlyElementsOf(enabled);
        }
    }

    @Test
    void aStarMeansEveryEnabledRegionAndListedRegionsStayAsListed() {
        try (AwsSource source = source(Map.of("regions", List.of("*"), "accounts", List.of(
                Map.of("id", "main"),
                Map.of("id", "other", "role_arn", ROLE, "regions", List.of("eu-west-1", "us-east-1")),
                Map.of("id", "third", "role_arn", "arn:aws:iam::333333333333:role/reader", "regions", List.of("*")))),
                Optional.empty())) {
            List<String> partitions = source.partitions(AwsSourceIT.table(source, ScopeTable.NAME));
            assertThat(partitions.stream().filter(p -> p.endsWith("/main")).toList())
                    .containsExactlyElementsOf(enabled.stream().map(r -> r + "/main").toList());
            assertThat(partitions.stream().filter(p -> p.endsWith("/other")).toList())
                    .containsExactly("eu-west-1/other", "us-east-1/other");
            assertThat(partitions.stream().filter(p -> p.endsWith("/third")).toList())
                    .containsExactlyElementsOf(enabled.stream().map(r -> r + "/third").toList());
            assertThat(source.partitions(AwsSourceIT.table(source, IamRolesTable.NAME)))
                    .as("no default region: DescribeRegions and global tables in us-east-1, as CloudQuery does")
                    .containsExactly("us-east-1/main", "eu-west-1/other", "us-east-1/third");
        }
    }
}
