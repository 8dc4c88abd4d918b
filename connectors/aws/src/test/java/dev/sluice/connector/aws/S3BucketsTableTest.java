package dev.sluice.connector.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionRequest;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLocationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code aws_s3_buckets}' paging against fake S3 services: one that pages with max-buckets and
 * continuation tokens as S3 does, one that ignores max-buckets, one that truncates to it without a
 * token (as moto 5.2 does); every bucket is read once whichever it is.
 */
class S3BucketsTableTest {
    private static final Scope SCOPE = new Scope("123456789012", "us-east-1");
    /** Not in name order: a service's list order is not relied on. */
    private static final List<String> BUCKETS = List.of("b-3", "b-0", "b-6", "b-1", "b-5", "b-2", "b-4");

    enum Paging { TOKENS, IGNORES_MAX_BUCKETS, TRUNCATES_WITHOUT_TOKEN }

    @Test
    void followsS3sContinuationTokens() {
        FakeS3 s3 = new FakeS3(Paging.TOKENS);
        List<Optional<String>> tokens = new ArrayList<>();
        List<String> names = drain(s3, tokens);
        assertThat(names).containsExactly("b-0", "b-1", "b-2", "b-3", "b-4", "b-5", "b-6");
        assertThat(tokens).containsExactly(Optional.of("continuation:from-3"), Optional.of("continuation:from-6"), Optional.empty());
        assertThat(s3.requests).extracting(r -> r.maxBuckets() + "/" + r.continuationToken())
                .containsExactly("3/null", "3/from-3", "3/from-6");
    }

    @Test
    void pagesByNameWhenTheServiceIgnoresMaxBuckets() {
        FakeS3 s3 = new FakeS3(Paging.IGNORES_MAX_BUCKETS);
        List<Optional<String>> tokens = new ArrayList<>();
        assertThat(drain(s3, tokens)).containsExactly("b-0", "b-1", "b-2", "b-3", "b-4", "b-5", "b-6");
        assertThat(tokens).containsExactly(Optional.of("b-2"), Optional.of("b-5"), Optional.empty());
        assertThat(s3.requests).extracting(r -> r.maxBuckets() + "/" + r.continuationToken())
                .containsExactly("3/null", "null/null", "null/null", "null/null");
    }

    @Test
    void pagesByNameWhenTheServiceTruncatesWithoutAToken() {
        FakeS3 s3 = new FakeS3(Paging.TRUNCATES_WITHOUT_TOKEN);
        List<Optional<String>> tokens = new ArrayList<>();
        assertThat(drain(s3, tokens)).containsExactly("b-0", "b-1", "b-2", "b-3", "b-4", "b-5", "b-6");
        assertThat(tokens).containsExactly(Optional.of("b-2"), Optional.of("b-5"), Optional.empty());
    }

    @Test
    void aShortListWithoutATokenIsTheWholeList() {
        FakeS3 s3 = new FakeS3(Paging.TRUNCATES_WITHOUT_TOKEN);
        AwsPage page = new S3BucketsTable(10).fetch(clients(s3), SCOPE, Optional.empty());
        assertThat(page.rows()).hasSize(7);
        assertThat(page.next()).isEmpty();
        assertThat(s3.requests).hasSize(1);
    }

    private static List<String> drain(FakeS3 s3, List<Optional<String>> tokens) {
        S3BucketsTable table = new S3BucketsTable(3);
        List<String> names = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            AwsPage page = table.fetch(clients(s3), SCOPE, token);
            page.rows().forEach(r -> {
                names.add((String) r[3]);
                assertThat(r[4]).isEqualTo("eu-west-1");
                assertThat(r[5]).isNull();
            });
            token = page.next();
            tokens.add(token);
        } while (token.isPresent());
        return names;
    }

    private static final class FakeS3 implements S3Client {
        private final Paging paging;
        private final List<ListBucketsRequest> requests = new ArrayList<>();

        FakeS3(Paging paging) {
            this.paging = paging;
        }

        @Override
        public ListBucketsResponse listBuckets(ListBucketsRequest request) {
            requests.add(request);
            List<String> all = paging == Paging.TOKENS ? BUCKETS.stream().sorted().toList() : BUCKETS;
            if (request.maxBuckets() == null || paging == Paging.IGNORES_MAX_BUCKETS) {
                return list(all, null);
            }
            int from = request.continuationToken() == null ? 0 : Integer.parseInt(request.continuationToken().substring(5));
            int to = Math.min(all.size(), from + request.maxBuckets());
            return list(all.subList(from, to), paging == Paging.TOKENS && to < all.size() ? "from-" + to : null);
        }

        private static ListBucketsResponse list(List<String> names, String token) {
            return ListBucketsResponse.builder().continuationToken(token)
                    .buckets(names.stream().map(n -> Bucket.builder().name(n).creationDate(Instant.EPOCH).build()).toList())
                    .build();
        }

        @Override
        public GetBucketLocationResponse getBucketLocation(GetBucketLocationRequest request) {
            return GetBucketLocationResponse.builder().locationConstraint("eu-west-1").build();
        }

        @Override
        public GetBucketVersioningResponse getBucketVersioning(GetBucketVersioningRequest request) {
            return GetBucketVersioningResponse.builder().build();
        }

        @Override
        public GetBucketPolicyResponse getBucketPolicy(GetBucketPolicyRequest request) {
            throw missing("NoSuchBucketPolicy");
        }

        @Override
        public GetBucketEncryptionResponse getBucketEncryption(GetBucketEncryptionRequest request) {
            throw missing("ServerSideEncryptionConfigurationNotFoundError");
        }

        private static S3Exception missing(String code) {
            return (S3Exception) S3Exception.builder().statusCode(404)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("none").build()).build();
        }

        @Override
        public String serviceName() {
            return "s3";
        }

        @Override
        public void close() {
        }
    }

    private static AwsClients clients(S3Client s3) {
        return new AwsClients() {
            @Override public S3Client s3() { return s3; }
            @Override public IamClient iam() { throw new UnsupportedOperationException(); }
            @Override public SqsClient sqs() { throw new UnsupportedOperationException(); }
            @Override public DynamoDbClient dynamodb() { throw new UnsupportedOperationException(); }
            @Override public LambdaClient lambda() { throw new UnsupportedOperationException(); }
            @Override public software.amazon.awssdk.services.ec2.Ec2Client ec2() { throw new UnsupportedOperationException(); }
            @Override public software.amazon.awssdk.services.rds.RdsClient rds() { throw new UnsupportedOperationException(); }
        };
    }
}
