package dev.sluice.connector.aws;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.model.Region;

/**
 * The regions each account is read in, as CloudQuery chooses them: the account's
 * {@code regions}, else the spec's; when neither names one, or they say {@code "*"}, the
 * account's enabled regions, which EC2 DescribeRegions lists (called once per account, in its
 * home region). Thread-safe.
 */
final class AccountRegions {
    /** Every enabled region. */
    static final String ALL = "*";
    /** Where DescribeRegions is called when nothing names a region, as CloudQuery does. */
    static final String FALLBACK = "us-east-1";

    private final AwsSourceConfig config;
    private final AwsConnections connections;
    private final Supplier<Optional<String>> defaultRegion;
    private final Map<String, List<String>> enabled = new HashMap<>();

    /**
     * @param defaultRegion the SDK's default region ({@code AWS_REGION}, the profile), if any
     */
    AccountRegions(AwsSourceConfig config, AwsConnections connections, Supplier<Optional<String>> defaultRegion) {
        this.config = config;
        this.connections = connections;
        this.defaultRegion = defaultRegion;
    }

    /** The regions to read {@code account} in; {@code table} names the table being planned, for errors. */
    List<String> regions(AwsAccount account, String table) {
        List<String> listed = listed(account);
        return expands(listed) ? enabled(account, table) : listed;
    }

    /**
     * The account's home region: the first region it lists (its own, else the spec's), else the
     * default region, else {@value #FALLBACK}. Global tables and DescribeRegions are called there.
     */
    String home(AwsAccount account) {
        List<String> listed = listed(account);
        return expands(listed) ? defaultRegion.get().orElse(FALLBACK) : listed.get(0);
    }

    private List<String> listed(AwsAccount account) {
        return account.regions().isEmpty() ? config.regions() : account.regions();
    }

    private static boolean expands(List<String> listed) {
        return listed.isEmpty() || listed.contains(ALL);
    }

    private List<String> enabled(AwsAccount account, String table) {
        synchronized (this) {
            List<String> known = enabled.get(account.id());
            if (known != null) {
                return known;
            }
        }
        String home = home(account);
        List<String> regions;
        try {
            regions = connections.clients(account, home).ec2().describeRegions(r -> r.allRegions(false)).regions()
                    .stream().map(Region::regionName).sorted().toList();
        } catch (SdkException e) {
            throw AwsErrors.translate(e, table + " (listing the account's enabled regions: ec2:DescribeRegions)",
                    account, home);
        }
        synchronized (this) {
            enabled.putIfAbsent(account.id(), regions);
            return enabled.get(account.id());
        }
    }
}
