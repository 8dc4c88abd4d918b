package dev.sluice.connector.aws;

import dev.sluice.emulators.MotoServer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ListFunctionsRequest;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ListQueuesRequest;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;

/**
 * The clients of one region, pointed at moto with static credentials. moto 5.2 answers
 * ListQueues, ListFunctions, DescribeSecurityGroups and DescribeVpcs with every resource at once,
 * ignoring MaxResults/NextToken and MaxItems/Marker; these clients page those answers the way the
 * services do (an opaque token naming the next offset), so the tables' pagination is exercised the
 * same way for every service. DynamoDB's ListTables, EC2's DescribeInstances and RDS's
 * DescribeDBInstances are paged by moto itself.
 */
final class MotoClients implements AwsClients, AutoCloseable {
    static final String ACCOUNT = "123456789012";

    private final SqsClient sqs;
    private final DynamoDbClient dynamodb;
    private final LambdaClient lambda;
    private final IamClient iam;
    private final S3Client s3;
    private final Ec2Client ec2;
    private final RdsClient rds;

    MotoClients(MotoServer moto, String region) {
        this.sqs = pagedSqs(build(SqsClient.builder(), moto, region));
        this.dynamodb = build(DynamoDbClient.builder(), moto, region);
        this.lambda = pagedLambda(build(LambdaClient.builder(), moto, region));
        this.iam = build(IamClient.builder(), moto, "us-east-1");
        this.s3 = build(S3Client.builder(), moto, region);
        this.ec2 = pagedEc2(build(Ec2Client.builder(), moto, region));
        this.rds = build(RdsClient.builder(), moto, region);
    }

    private static <C, B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>> C build(B builder, MotoServer moto, String region) {
        return builder.region(Region.of(region)).endpointOverride(moto.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create()) // shared by nobody: closed with the client
                .build();
    }

    @Override public S3Client s3() { return s3; }
    @Override public IamClient iam() { return iam; }
    @Override public SqsClient sqs() { return sqs; }
    @Override public DynamoDbClient dynamodb() { return dynamodb; }
    @Override public LambdaClient lambda() { return lambda; }
    @Override public Ec2Client ec2() { return ec2; }
    @Override public RdsClient rds() { return rds; }

    @SuppressWarnings("unchecked")
    private static SqsClient pagedSqs(SqsClient moto) {
        return intercept(SqsClient.class, moto, "listQueues", arg -> {
            ListQueuesRequest.Builder b = ListQueuesRequest.builder();
            ((Consumer<ListQueuesRequest.Builder>) arg).accept(b);
            ListQueuesRequest r = b.build();
            List<String> all = moto.listQueues(x -> x.queueNamePrefix(r.queueNamePrefix())).queueUrls();
            int from = offset(r.nextToken());
            int to = Math.min(all.size(), from + (r.maxResults() == null ? 1000 : r.maxResults()));
            return ListQueuesResponse.builder().queueUrls(all.subList(from, to))
                    .nextToken(to < all.size() ? token(to) : null).build();
        });
    }

    @SuppressWarnings("unchecked")
    private static LambdaClient pagedLambda(LambdaClient moto) {
        return intercept(LambdaClient.class, moto, "listFunctions", arg -> {
            ListFunctionsRequest.Builder b = ListFunctionsRequest.builder();
            ((Consumer<ListFunctionsRequest.Builder>) arg).accept(b);
            ListFunctionsRequest r = b.build();
            List<FunctionConfiguration> all = moto.listFunctions().functions();
            int from = offset(r.marker());
            int to = Math.min(all.size(), from + (r.maxItems() == null ? 50 : r.maxItems()));
            return ListFunctionsResponse.builder().functions(all.subList(from, to))
                    .nextMarker(to < all.size() ? token(to) : null).build();
        });
    }

    @SuppressWarnings("unchecked")
    private static Ec2Client pagedEc2(Ec2Client moto) {
        Ec2Client groups = intercept(Ec2Client.class, moto, "describeSecurityGroups", arg -> {
            DescribeSecurityGroupsRequest.Builder b = DescribeSecurityGroupsRequest.builder();
            ((Consumer<DescribeSecurityGroupsRequest.Builder>) arg).accept(b);
            DescribeSecurityGroupsRequest r = b.build();
            List<SecurityGroup> all = moto.describeSecurityGroups().securityGroups();
            int from = offset(r.nextToken());
            int to = Math.min(all.size(), from + (r.maxResults() == null ? 1000 : r.maxResults()));
            return DescribeSecurityGroupsResponse.builder().securityGroups(all.subList(from, to))
                    .nextToken(to < all.size() ? token(to) : null).build();
        });
        return intercept(Ec2Client.class, groups, "describeVpcs", arg -> {
            DescribeVpcsRequest.Builder b = DescribeVpcsRequest.builder();
            ((Consumer<DescribeVpcsRequest.Builder>) arg).accept(b);
            DescribeVpcsRequest r = b.build();
            List<Vpc> all = moto.describeVpcs().vpcs();
            int from = offset(r.nextToken());
            int to = Math.min(all.size(), from + (r.maxResults() == null ? 1000 : r.maxResults()));
            return DescribeVpcsResponse.builder().vpcs(all.subList(from, to))
                    .nextToken(to < all.size() ? token(to) : null).build();
        });
    }

    private static String token(int offset) {
        return "page-from-" + offset;
    }

    private static int offset(String token) {
        return token == null ? 0 : Integer.parseInt(token.substring("page-from-".length()));
    }

    /** {@code client} with its consumer-builder {@code method} answered by {@code answer}. */
    private static <C> C intercept(Class<C> type, C client, String method, java.util.function.Function<Object, Object> answer) {
        InvocationHandler h = (proxy, m, args) -> {
            if (m.getName().equals(method) && args != null && args.length == 1 && args[0] instanceof Consumer) {
                return answer.apply(args[0]);
            }
            try {
                return m.invoke(client, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h));
    }

    @Override
    public void close() {
        sqs.close();
        dynamodb.close();
        lambda.close();
        iam.close();
        s3.close();
        ec2.close();
        rds.close();
    }
}
