package dev.sluice.connector.aws;

import java.util.List;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

/**
 * ARNs of EC2 resources, which DescribeInstances and DescribeVpcs do not return: built as
 * CloudQuery builds them, {@code arn:<partition>:ec2:<region>:<account>:<type>/<id>}, the
 * partition being the region's ({@code aws-cn} for {@code cn-north-1}, ...).
 */
final class Ec2Arns {
    private Ec2Arns() {
    }

    static String of(Scope scope, String type, String id) {
        return String.join(":", "arn", partition(scope.region()), "ec2", scope.region(), scope.accountId(), type + "/" + id);
    }

    /** The partition of {@code region}: the SDK's, else by its prefix, else {@code aws}. */
    static String partition(String region) {
        RegionMetadata metadata = Region.of(region).metadata();
        if (metadata != null) {
            return metadata.partition().id();
        }
        for (List<String> prefix : List.of(List.of("cn-", "aws-cn"), List.of("us-gov-", "aws-us-gov"),
                List.of("us-iso-", "aws-iso"), List.of("us-isob-", "aws-iso-b"))) {
            if (region.startsWith(prefix.get(0))) {
                return prefix.get(1);
            }
        }
        return "aws";
    }
}
