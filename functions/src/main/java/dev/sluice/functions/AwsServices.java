package dev.sluice.functions;

import dev.sluice.infra.AwsClients;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The AWS clients the functions use. On Lambda they all come from {@link AwsClients}; against
 * the emulators DynamoDB and SQS live on different endpoints, and SSM, S3 and Secrets Manager
 * are only created when the config location or a secret asks for them.
 */
public record AwsServices(DynamoDbClient dynamo, SqsClient sqs, Supplier<SsmClient> ssm, Supplier<S3Client> s3,
                          Supplier<SecretsManagerClient> secrets) {

    public static AwsServices of(AwsClients clients) {
        return new AwsServices(clients.dynamo(), clients.sqs(), clients::ssm, clients::s3, clients::secrets);
    }
}
