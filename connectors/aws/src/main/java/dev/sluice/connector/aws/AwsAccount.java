package dev.sluice.connector.aws;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the spec's {@code accounts} (CloudQuery's AWS spec): a name, and how to reach it.
 *
 * @param id          the account's name in the spec, its partitions and its errors (not the AWS
 *                    account number, which the source reads from the role ARN or STS)
 * @param roleArn     the IAM role to assume in that account; empty: the default credentials
 * @param externalId  the external id the role's trust policy asks for
 * @param sessionName the assumed role's session name
 * @param regions     the regions to read in this account; empty: the spec's {@code regions}
 */
public record AwsAccount(String id, Optional<String> roleArn, Optional<String> externalId, String sessionName,
                         List<String> regions) {
    /** The account of a spec without {@code accounts}: the default credentials' own. */
    public static final String DEFAULT_ID = "default";

    public AwsAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(sessionName, "sessionName");
        regions = List.copyOf(regions);
    }

    static AwsAccount defaultCredentials() {
        return new AwsAccount(DEFAULT_ID, Optional.empty(), Optional.empty(), "sluice", List.of());
    }

    /** The AWS account number of the role ARN, when there is one. */
    Optional<String> roleAccountNumber() {
        return roleArn.map(arn -> arn.split(":", 6)[4]);
    }
}
