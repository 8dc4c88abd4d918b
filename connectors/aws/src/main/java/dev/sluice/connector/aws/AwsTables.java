package dev.sluice.connector.aws;

import java.util.List;

/** Every table of the AWS source, in the order {@code sluice tables} lists them: one line per table. */
final class AwsTables {
    private AwsTables() {
    }

    static List<AwsTable> all() {
        return List.of(
                new IamRolesTable(),
                new IamUsersTable(),
                new S3BucketsTable(),
                new SqsQueues(),
                new DynamoDbTables(),
                new LambdaFunctions(),
                new Ec2Instances(),
                new Ec2SecurityGroups(),
                new Ec2Vpcs(),
                new RdsInstances());
    }
}
