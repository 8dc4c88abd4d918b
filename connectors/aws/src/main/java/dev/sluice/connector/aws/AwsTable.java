package dev.sluice.connector.aws;

import dev.sluice.spi.Table;
import java.util.Optional;

/**
 * One table of the AWS source: its shape (named and shaped as CloudQuery's AWS plugin has it:
 * {@code account_id}, {@code region} where the resource has one, nested structures as json) and
 * how to read one page of it in one scope, with the service's own paginator token.
 */
interface AwsTable {

    Table table();

    /**
     * True for a service whose resources are one list per account, whatever the region (IAM,
     * the S3 bucket list): the table is read once per account, not once per region.
     */
    boolean global();

    /**
     * One page of rows (aligned with {@link #table()}'s columns) in {@code scope}, starting at
     * {@code token} (the previous page's {@link AwsPage#next()}; empty for the first page).
     * SDK exceptions propagate; the source turns them into clear errors.
     */
    AwsPage fetch(AwsClients clients, Scope scope, Optional<String> token);
}
