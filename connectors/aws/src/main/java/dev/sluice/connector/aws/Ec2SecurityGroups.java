package dev.sluice.connector.aws;

import static dev.sluice.spi.ColumnType.JSON;
import static dev.sluice.spi.ColumnType.STRING;

import dev.sluice.spi.Column;
import dev.sluice.spi.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * {@code aws_ec2_security_groups}, as CloudQuery has it: one row per security group, its rules
 * as json, the ARN built as {@code arn:<partition>:ec2:<region>:<account>:security-group/<id>}.
 * A page is one DescribeSecurityGroups page.
 */
final class Ec2SecurityGroups implements AwsTable {
    /** DescribeSecurityGroups' MaxResults bounds. */
    static final int MIN_PAGE = 5;
    static final int MAX_PAGE = 1000;

    private static final Table TABLE = Table.of("aws_ec2_security_groups", "Amazon EC2 security groups "
            + "(https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_SecurityGroup.html)", List.of(
            Column.of("account_id", STRING), Column.of("region", STRING), Column.primaryKey("arn", STRING),
            Column.of("tags", JSON), Column.of("description", STRING), Column.of("group_id", STRING),
            Column.of("group_name", STRING), Column.of("ip_permissions", JSON), Column.of("ip_permissions_egress", JSON),
            Column.of("owner_id", STRING), Column.of("vpc_id", STRING)));

    private final int pageSize;

    Ec2SecurityGroups() {
        this(MAX_PAGE);
    }

    Ec2SecurityGroups(int pageSize) {
        this.pageSize = AwsPage.size("DescribeSecurityGroups", "groups", MIN_PAGE, MAX_PAGE, pageSize);
    }

    @Override
    public Table table() {
        return TABLE;
    }

    @Override
    public boolean global() {
        return false;
    }

    @Override
    public AwsPage fetch(AwsClients clients, Scope scope, Optional<String> token) {
        DescribeSecurityGroupsResponse page = clients.ec2().describeSecurityGroups(
                r -> r.maxResults(pageSize).nextToken(token.orElse(null)));
        List<Object[]> rows = new ArrayList<>();
        for (SecurityGroup g : page.securityGroups()) {
            rows.add(new Object[] {
                scope.accountId(), scope.region(), Ec2Arns.of(scope, "security-group", g.groupId()),
                SdkJson.tags(g.tags(), Tag::key, Tag::value), g.description(), g.groupId(), g.groupName(),
                SdkJson.of(g.ipPermissions()), SdkJson.of(g.ipPermissionsEgress()), g.ownerId(), g.vpcId()
            });
        }
        return AwsPage.of(rows, page.nextToken());
    }
}
