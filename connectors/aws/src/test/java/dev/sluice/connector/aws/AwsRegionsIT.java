package dev.sluice.connector.aws;

import dev.sluice.emulators.MotoServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.connector.aws.FaultyAwsProxy.Fault;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.FetchRequest;
import dev.sluice.spi.Spec;
import dev.sluice.spi.Table;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.ec2.model.Region;

/**
 * Without {@code regions}, or with {@code "*"}, an account is read in every region EC2
 * DescribeRegions lists for it (moto's list here), its global tables in its home region; an
 * account whose DescribeRegions call fails gets one failing partition per regional table.
 */
class AwsRegionsIT {
    private static final AwsCredentialsProvider BASE = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    private static final String ROLE = "arn:aws:iam::222222222222:role/reader";
    private static MotoServer moto;
    private static List<String> enabled;

    @BeforeAll
    static void start() {
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
        return source(spec, defaultRegion, moto.endpoint());
    }

    private static AwsSource source(Map<String, Object> spec, Optional<String> defaultRegion, URI endpoint) {
        Map<String, Object> all = new HashMap<>(spec);
        all.put("endpoint_url", endpoint.toString());
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

    @Test
    void anAccountWhoseRegionsCannotBeListedFailsOnlyItsRegionalPartitions() throws Exception {
        String denied = "ec2:DescribeRegions";
        try (FaultyAwsProxy proxy = new FaultyAwsProxy(moto.endpoint())) {
            // the role's session keys are moto's, the base credentials' key id is "test"
            proxy.deny(denied, key -> !key.equals("test"), Fault.ec2(403, "UnauthorizedOperation",
                    "You are not authorized to perform this operation. (test proxy)"));
            Map<String, Object> spec = Map.of("accounts", List.of(Map.of("id", "main"),
                    Map.of("id", "prod", "role_arn", ROLE)));
            try (AwsSource source = source(spec, Optional.of("eu-west-1"), proxy.endpoint())) {
                Table regional = AwsSourceIT.table(source, ScopeTable.NAME);
                List<String> partitions = source.partitions(regional);
                assertThat(partitions).as("main in every enabled region, prod once, in no region")
                        .containsExactlyElementsOf(Stream.concat(enabled.stream().map(r -> r + "/main"),
                                Stream.of("*/prod")).toList());
                assertThat(source.partitions(regional)).isEqualTo(partitions);
                assertThat(proxy.injected(denied)).as("DescribeRegions asked once per account and source").isEqualTo(1);
                assertThat(source.partitions(AwsSourceIT.table(source, IamRolesTable.NAME)))
                        .as("global tables need no region list").containsExactly("eu-west-1/main", "eu-west-1/prod");

                for (String partition : partitions.subList(0, partitions.size() - 1)) {
                    assertThat(source.fetch(new FetchRequest(regional, partition, Optional.empty(), Optional.empty())).rows())
                            .hasSize(1);
                }
                assertThat(source.fetch(new FetchRequest(AwsSourceIT.table(source, IamRolesTable.NAME), "eu-west-1/prod",
                        Optional.empty(), Optional.empty())).nextToken()).isEmpty();
                assertDenied(source, regional);
                assertThat(proxy.injected(denied)).as("the planning source's fetch reports the planning error").isEqualTo(1);
            }
            try (AwsSource fetcher = source(spec, Optional.of("eu-west-1"), proxy.endpoint())) {
                assertDenied(fetcher, AwsSourceIT.table(fetcher, ScopeTable.NAME));
                assertThat(proxy.injected(denied)).as("a source that did not plan asks again").isEqualTo(2);
            }
            proxy.allow(denied);
            try (AwsSource fetcher = source(spec, Optional.of("eu-west-1"), proxy.endpoint())) {
                Table regional = AwsSourceIT.table(fetcher, ScopeTable.NAME);
                assertThatThrownBy(() -> fetcher.fetch(new FetchRequest(regional, "*/prod", Optional.empty(), Optional.empty())))
                        .as("listed now, but the run has no partitions for prod's regions")
                        .isExactlyInstanceOf(ConnectorException.class)
                        .hasMessageContaining("account prod").hasMessageContaining("ec2:DescribeRegions")
                        .hasMessageContaining("when this run was planned").hasMessageContaining("next sync");
            }
        }
    }

    private static void assertDenied(AwsSource source, Table regional) {
        assertThatThrownBy(() -> source.fetch(new FetchRequest(regional, "*/prod", Optional.empty(), Optional.empty())))
                .isInstanceOf(AwsAccessDeniedException.class)
                .satisfies(e -> assertThat(((ConnectorException) e).retryable()).isFalse())
                .hasMessageContaining("account prod")
                .hasMessageContaining("region eu-west-1")
                .hasMessageContaining("ec2:DescribeRegions")
                .hasMessageContaining("UnauthorizedOperation: You are not authorized to perform this operation. (test proxy)");
    }
}
