package dev.sluice.connector.aws;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The service clients of one scope (account and region), with the account's credentials, the
 * region, the spec's endpoint overrides and retry policy. Clients are made on first use and
 * reused; the source closes them.
 */
interface AwsClients {
    S3Client s3();

    IamClient iam();

    SqsClient sqs();

    DynamoDbClient dynamodb();

    LambdaClient lambda();

    Ec2Client ec2();

    RdsClient rds();
}
