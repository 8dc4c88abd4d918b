package dev.sluice.connector.aws;

import dev.sluice.spi.ConnectorException;
import java.util.Objects;

/**
 * A work item's partition of an AWS table: an account of the spec (by its id) and a region,
 * written {@code region/account-id} (a region never holds a "/", an account id may not).
 * For a global table the region is the one its service is called in.
 */
record AwsPartition(String region, String accountId) {
    AwsPartition {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
    }

    String encode() {
        return region + "/" + accountId;
    }

    static AwsPartition decode(String partition) {
        int slash = partition.indexOf('/');
        if (slash <= 0 || slash == partition.length() - 1) {
            throw new ConnectorException("not a partition of the aws source: \"" + partition + "\" (expected region/account)");
        }
        return new AwsPartition(partition.substring(0, slash), partition.substring(slash + 1));
    }
}
