package dev.sluice.connector.aws;

import java.util.Objects;

/**
 * Where a table's rows come from: an account and a region. For a {@link AwsTable#global()}
 * table the region is the one its service is called in (its rows carry no region of their own).
 */
record Scope(String accountId, String region) {
    Scope {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
    }
}
