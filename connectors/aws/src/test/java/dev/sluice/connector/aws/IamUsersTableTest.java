package dev.sluice.connector.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetUserRequest;
import software.amazon.awssdk.services.iam.model.GetUserResponse;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** IAM's marker paging of {@code aws_iam_users}, which moto does not do (its ListUsers never truncates). */
class IamUsersTableTest {

    @Test
    void followsIamsMarkerAndSkipsAUserDeletedBetweenListAndGet() {
        FakeIam iam = new FakeIam(7, "user-3");
        IamUsersTable table = new IamUsersTable(3);
        List<String> names = new ArrayList<>();
        Optional<String> token = Optional.empty();
        int pages = 0;
        do {
            AwsPage page = table.fetch(clients(iam), new Scope("123456789012", "us-east-1"), token);
            page.rows().forEach(r -> names.add((String) r[6]));
            token = page.next();
            pages++;
        } while (token.isPresent());
        assertThat(pages).isEqualTo(3);
        assertThat(iam.maxItems).containsOnly(3);
        assertThat(names).containsExactly("user-0", "user-1", "user-2", "user-4", "user-5", "user-6");
    }

    private static final class FakeIam implements IamClient {
        private final int users;
        private final String deleted;
        private final List<Integer> maxItems = new ArrayList<>();

        FakeIam(int users, String deleted) {
            this.users = users;
            this.deleted = deleted;
        }

        @Override
        public ListUsersResponse listUsers(ListUsersRequest request) {
            maxItems.add(request.maxItems());
            int from = request.marker() == null ? 0 : Integer.parseInt(request.marker());
            int to = Math.min(users, from + request.maxItems());
            List<User> page = new ArrayList<>();
            for (int i = from; i < to; i++) {
                page.add(User.builder().userName("user-" + i).build());
            }
            return ListUsersResponse.builder().users(page).isTruncated(to < users).marker(to < users ? Integer.toString(to) : null).build();
        }

        @Override
        public GetUserResponse getUser(GetUserRequest request) {
            if (request.userName().equals(deleted)) {
                throw NoSuchEntityException.builder().message("gone").build();
            }
            return GetUserResponse.builder().user(User.builder().userName(request.userName()).path("/").userId("id")
                    .arn("arn:aws:iam::123456789012:user/" + request.userName()).createDate(Instant.EPOCH).build()).build();
        }

        @Override
        public String serviceName() {
            return "iam";
        }

        @Override
        public void close() {
        }
    }

    private static AwsClients clients(IamClient iam) {
        return new AwsClients() {
            @Override public S3Client s3() { throw new UnsupportedOperationException(); }
            @Override public IamClient iam() { return iam; }
            @Override public SqsClient sqs() { throw new UnsupportedOperationException(); }
            @Override public DynamoDbClient dynamodb() { throw new UnsupportedOperationException(); }
            @Override public LambdaClient lambda() { throw new UnsupportedOperationException(); }
            @Override public software.amazon.awssdk.services.ec2.Ec2Client ec2() { throw new UnsupportedOperationException(); }
            @Override public software.amazon.awssdk.services.rds.RdsClient rds() { throw new UnsupportedOperationException(); }
        };
    }
}
