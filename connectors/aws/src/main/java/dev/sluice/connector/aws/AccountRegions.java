package dev.sluice.connector.aws;

import dev.sluice.spi.ConnectorException;
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
 * home region). When that call fails the account is read in the one region {@value #UNLISTED}:
 * its regional tables get one partition each, whose fetch fails with what AWS said
 * ({@link #unlisted}), and the other accounts are planned as usual. Thread-safe.
 */
final class AccountRegions {
    /** Every enabled region. */
    static final String ALL = "*";
    /** Where DescribeRegions is called when nothing names a region, as CloudQuery does. */
    static final String FALLBACK = "us-east-1";
    /** The region of an account's regional partitions when its enabled regions could not be listed. */
    static final String UNLISTED = "*";

    private final AwsSourceConfig config;
    private final AwsConnections connections;
    private final Supplier<Optional<String>> defaultRegion;
    private final Map<String, List<String>> enabled = new HashMap<>();
    private final Map<String, SdkException> failed = new HashMap<>();

    /**
     * @param defaultRegion the SDK's default region ({@code AWS_REGION}, the profile), if any
     */
    AccountRegions(AwsSourceConfig config, AwsConnections connections, Supplier<Optional<String>> defaultRegion) {
        this.config = config;
        this.connections = connections;
        this.defaultRegion = defaultRegion;
    }

    /**
     * The regions to read {@code account} in: {@code [}{@value #UNLISTED}{@code ]} when they are
     * its enabled ones and DescribeRegions failed (asked once per source: the next table planned
     * gets the same answer).
     */
    List<String> regions(AwsAccount account) {
        List<String> listed = listed(account);
        if (!expands(listed)) {
            return listed;
        }
        synchronized (this) {
            List<String> known = enabled.get(account.id());
            if (known != null) {
                return known;
            }
            if (failed.containsKey(account.id())) {
                return List.of(UNLISTED);
            }
        }
        try {
            List<String> regions = describeRegions(account);
            synchronized (this) {
                enabled.putIfAbsent(account.id(), regions);
                return enabled.get(account.id());
            }
        } catch (SdkException e) {
            synchronized (this) {
                failed.putIfAbsent(account.id(), e);
            }
            return List.of(UNLISTED);
        }
    }

    /**
     * The error a fetch of {@code table}'s partition in region {@value #UNLISTED} fails with: what
     * AWS answered this source's DescribeRegions call, or (a source that did not plan the run, as
     * a fetch Lambda's) what it answers now; if it now succeeds, the run still has no partition
     * for the account's regions and the error says so: the next sync reads them.
     */
    ConnectorException unlisted(AwsAccount account, String table) {
        String call = table + " (listing the account's enabled regions: ec2:DescribeRegions)";
        SdkException cause;
        synchronized (this) {
            cause = failed.get(account.id());
        }
        if (cause == null) {
            try {
                describeRegions(account);
                return new ConnectorException("the enabled regions of account " + account.id()
                        + " could not be listed (ec2:DescribeRegions) when this run was planned, so the run has no "
                        + "partitions of " + table + " for it; the next sync reads them");
            } catch (SdkException e) {
                cause = e;
            }
        }
        return AwsErrors.translate(cause, call, account, home(account));
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

    private List<String> describeRegions(AwsAccount account) {
        return connections.clients(account, home(account)).ec2().describeRegions(r -> r.allRegions(false)).regions()
                .stream().map(Region::regionName).sorted().toList();
    }
}
