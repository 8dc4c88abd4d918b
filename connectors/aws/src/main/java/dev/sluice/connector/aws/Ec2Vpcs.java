package dev.sluice.connector.aws;

import static dev.sluice.spi.ColumnType.BOOL;
import static dev.sluice.spi.ColumnType.JSON;
import static dev.sluice.spi.ColumnType.STRING;

import dev.sluice.spi.Column;
import dev.sluice.spi.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * {@code aws_ec2_vpcs}, as CloudQuery has it: one row per VPC, its CIDR associations as json, the
 * ARN built as {@code arn:<partition>:ec2:<region>:<account>:vpc/<id>}. A page is one
 * DescribeVpcs page.
 */
final class Ec2Vpcs implements AwsTable {
    /** DescribeVpcs' MaxResults bounds. */
    static final int MIN_PAGE = 5;
    static final int MAX_PAGE = 1000;

    private static final Table TABLE = Table.of("aws_ec2_vpcs", "Amazon EC2 VPCs "
            + "(https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Vpc.html)", List.of(
            Column.of("account_id", STRING), Column.of("region", STRING), Column.primaryKey("arn", STRING),
            Column.of("tags", JSON), Column.of("cidr_block", STRING), Column.of("cidr_block_association_set", JSON),
            Column.of("dhcp_options_id", STRING), Column.of("instance_tenancy", STRING),
            Column.of("ipv6_cidr_block_association_set", JSON), Column.of("is_default", BOOL),
            Column.of("owner_id", STRING), Column.of("state", STRING), Column.of("vpc_id", STRING)));

    private final int pageSize;

    Ec2Vpcs() {
        this(MAX_PAGE);
    }

    Ec2Vpcs(int pageSize) {
        this.pageSize = AwsPage.size("DescribeVpcs", "VPCs", MIN_PAGE, MAX_PAGE, pageSize);
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
        DescribeVpcsResponse page = clients.ec2().describeVpcs(r -> r.maxResults(pageSize).nextToken(token.orElse(null)));
        List<Object[]> rows = new ArrayList<>();
        for (Vpc v : page.vpcs()) {
            rows.add(new Object[] {
                scope.accountId(), scope.region(), Ec2Arns.of(scope, "vpc", v.vpcId()),
                SdkJson.tags(v.tags(), Tag::key, Tag::value), v.cidrBlock(), SdkJson.of(v.cidrBlockAssociationSet()),
                v.dhcpOptionsId(), v.instanceTenancyAsString(), SdkJson.of(v.ipv6CidrBlockAssociationSet()),
                v.isDefault(), v.ownerId(), v.stateAsString(), v.vpcId()
            });
        }
        return AwsPage.of(rows, page.nextToken());
    }
}
