package dev.sluice.connector.aws;

import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.FetchRequest;
import dev.sluice.spi.Page;
import dev.sluice.spi.Source;
import dev.sluice.spi.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * AWS accounts' resources as tables, named and shaped as CloudQuery's AWS plugin has them. A
 * regional table has one partition per account and region, a global one (IAM, the S3 bucket
 * list) one per account, read in the account's home region ({@link AccountRegions}); a partition is
 * one work item and its resume token is the service's own page token. Without listed regions (or
 * with {@code "*"}) planning calls EC2 DescribeRegions once per account; nothing else is called
 * before the first fetch. An account whose DescribeRegions call fails gets one partition per
 * regional table, in region {@code "*"}, whose fetch fails with AWS's error; its global tables and
 * the other accounts are planned and read as usual. A partition's rows carry its account number (and, in a regional table,
 * its region), so delete-stale can run for the partitions that synced alone ({@link #partitionScope}).
 */
public final class AwsSource implements Source {
    private final Map<String, AwsTable> tables = new LinkedHashMap<>();
    private final Map<String, AwsAccount> accounts = new LinkedHashMap<>();
    private final AwsConnections connections;
    private final AccountRegions regions;

    public AwsSource(AwsSourceConfig config) {
        this(config, DefaultCredentialsProvider.builder().build(), AwsTables.all());
    }

    /** With other base credentials and tables, for tests. */
    AwsSource(AwsSourceConfig config, AwsCredentialsProvider credentials, List<AwsTable> tables) {
        this(config, credentials, tables, AwsSource::defaultRegion);
    }

    /** With another default region (the SDK's default region chain otherwise), for tests. */
    AwsSource(AwsSourceConfig config, AwsCredentialsProvider credentials, List<AwsTable> tables,
              Supplier<Optional<String>> defaultRegion) {
        Objects.requireNonNull(config, "config");
        tables.forEach(t -> this.tables.put(t.table().name(), t));
        config.effectiveAccounts().forEach(a -> accounts.put(a.id(), a));
        this.connections = new AwsConnections(config, credentials);
        this.regions = new AccountRegions(config, connections, defaultRegion);
    }

    @Override
    public List<Table> tables() {
        return tables.values().stream().map(AwsTable::table).toList();
    }

    @Override
    public List<String> partitions(Table table) {
        AwsTable awsTable = table(table.name());
        List<String> partitions = new ArrayList<>();
        for (AwsAccount account : accounts.values()) {
            List<String> regions = awsTable.global() ? List.of(this.regions.home(account))
                    : this.regions.regions(account);
            for (String region : regions) {
                partitions.add(new AwsPartition(region, account.id()).encode());
            }
        }
        return partitions;
    }

    /**
     * {@code account_id} (the AWS account number the rows carry) and, for a regional table,
     * {@code region}. The number is the role ARN's, else the default credentials' own, which
     * takes one STS GetCallerIdentity call (no permission needed) unless this source already
     * fetched with them. Empty for a table without an {@code account_id} column.
     */
    @Override
    public Optional<Map<String, Object>> partitionScope(Table table, String partition) {
        AwsTable top = tables.values().stream().filter(t -> t.table().flatten().stream()
                        .anyMatch(f -> f.name().equals(table.name()))).findFirst()
                .orElseThrow(() -> new ConnectorException("the aws source has no table " + table.name()));
        if (table.columnIndex("account_id") < 0) {
            return Optional.empty();
        }
        AwsPartition p = AwsPartition.decode(partition);
        AwsAccount account = accounts.get(p.accountId());
        if (account == null) {
            throw new ConnectorException("partition " + partition + " names account " + p.accountId()
                    + ", which the spec no longer has");
        }
        Map<String, Object> scope = new LinkedHashMap<>();
        String callRegion = p.region().equals(AccountRegions.UNLISTED) ? regions.home(account) : p.region();
        try {
            scope.put("account_id", connections.accountNumber(account, callRegion));
        } catch (SdkException e) {
            throw AwsErrors.translate(e, table.name(), account, callRegion);
        }
        if (!top.global() && table.columnIndex("region") >= 0) {
            scope.put("region", p.region());
        }
        return Optional.of(scope);
    }

    @Override
    public Page fetch(FetchRequest request) {
        AwsTable table = table(request.table().name());
        AwsPartition partition = AwsPartition.decode(request.partition());
        AwsAccount account = accounts.get(partition.accountId());
        if (account == null) {
            throw new ConnectorException("partition " + request.partition() + " names account " + partition.accountId()
                    + ", which the spec no longer has");
        }
        if (partition.region().equals(AccountRegions.UNLISTED)) {
            throw regions.unlisted(account, table.table().name());
        }
        try {
            Scope scope = new Scope(connections.accountNumber(account, partition.region()), partition.region());
            AwsPage page = table.fetch(connections.clients(account, partition.region()), scope, request.resumeToken());
            return new Page(page.rows(), page.next(), Optional.empty());
        } catch (SdkException e) {
            throw AwsErrors.translate(e, table.table().name(), account, partition.region());
        }
    }

    @Override
    public void close() {
        connections.close();
    }

    private AwsTable table(String name) {
        AwsTable table = tables.get(name);
        if (table == null) {
            throw new ConnectorException("the aws source has no table " + name);
        }
        return table;
    }

    /** The SDK's default region chain's region ({@code AWS_REGION}, the profile's), if one is set. */
    private static Optional<String> defaultRegion() {
        try {
            return Optional.of(new DefaultAwsRegionProviderChain().getRegion().id());
        } catch (SdkException e) {
            return Optional.empty();
        }
    }
}
