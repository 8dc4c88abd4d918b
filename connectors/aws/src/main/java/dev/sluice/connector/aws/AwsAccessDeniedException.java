package dev.sluice.connector.aws;

import dev.sluice.spi.ConnectorException;

/**
 * AWS refused a call for want of a permission: the table's partition fails (retrying cannot
 * help), the other tables and partitions carry on. The message names the table, the account,
 * the region and the missing permission as AWS states it.
 */
public final class AwsAccessDeniedException extends ConnectorException {
    public AwsAccessDeniedException(String message, Throwable cause) {
        super(message, cause);
    }
}
