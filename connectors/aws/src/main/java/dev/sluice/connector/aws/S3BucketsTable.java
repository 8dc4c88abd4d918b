package dev.sluice.connector.aws;

import static dev.sluice.spi.ColumnType.JSON;
import static dev.sluice.spi.ColumnType.STRING;
import static dev.sluice.spi.ColumnType.TIMESTAMP;

import dev.sluice.spi.Column;
import dev.sluice.spi.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@code aws_s3_buckets}, shaped as CloudQuery's AWS plugin has it (a subset of its columns, and
 * {@code encryption_rules}, which CloudQuery keeps in a child table): every bucket of the account,
 * whatever its region, with its region (GetBucketLocation), policy (GetBucketPolicy), versioning
 * (GetBucketVersioning) and default encryption (GetBucketEncryption), one call each per bucket. A
 * bucket without a policy or an encryption configuration has null there.
 *
 * <p>A page is one ListBuckets call with {@code max-buckets} {@code pageSize}, and the next page
 * the service's continuation token (resume token {@value #CONTINUATION}{@code <token>}), as S3
 * pages. A service that answers without a token yet with {@code pageSize} buckets (moto truncates
 * to {@code max-buckets} and never gives a token) may have more: then, as for a token naming a
 * bucket, a page is {@code pageSize} buckets in name order after the last bucket name of the
 * previous page (the resume token), from one ListBuckets call without {@code max-buckets}, which
 * returns at most 10,000 buckets. A bucket deleted while the table is read is left out.
 */
final class S3BucketsTable implements AwsTable {
    static final String NAME = "aws_s3_buckets";
    /** A resume token holding S3's continuation token; a bucket name never holds a ":". */
    static final String CONTINUATION = "continuation:";

    private static final Table TABLE = Table.of(NAME, "S3 buckets (https://docs.aws.amazon.com/AmazonS3/latest/API/API_Bucket.html)",
            List.of(new Column("account_id", STRING, false, true), Column.primaryKey("arn", STRING),
                    Column.of("creation_date", TIMESTAMP), Column.of("name", STRING), Column.of("region", STRING),
                    Column.of("policy", JSON), Column.of("versioning_status", STRING),
                    Column.of("versioning_mfa_delete", STRING), Column.of("encryption_rules", JSON)));

    private final int pageSize;

    S3BucketsTable() {
        this(100);
    }

    /** @param pageSize buckets per page (each costs four calls) */
    S3BucketsTable(int pageSize) {
        this.pageSize = pageSize;
    }

    @Override
    public Table table() {
        return TABLE;
    }

    @Override
    public boolean global() {
        return true;
    }

    @Override
    public AwsPage fetch(AwsClients clients, Scope scope, Optional<String> token) {
        S3Client s3 = clients.s3();
        if (token.isPresent() && !token.get().startsWith(CONTINUATION)) {
            return byName(s3, scope, token);
        }
        ListBucketsResponse listed = s3.listBuckets(r -> {
            r.maxBuckets(pageSize);
            token.ifPresent(t -> r.continuationToken(t.substring(CONTINUATION.length())));
        });
        Optional<String> continuation = Optional.ofNullable(listed.continuationToken()).filter(t -> !t.isEmpty());
        if (continuation.isEmpty() && token.isEmpty() && listed.buckets().size() >= pageSize) {
            return byName(s3, scope, Optional.empty()); // no token, maybe no last page: page by name
        }
        return new AwsPage(rows(s3, scope, listed.buckets()), continuation.map(t -> CONTINUATION + t));
    }

    /** {@code pageSize} buckets in name order after {@code after}, from one ListBuckets call without max-buckets. */
    private AwsPage byName(S3Client s3, Scope scope, Optional<String> after) {
        List<Bucket> rest = s3.listBuckets().buckets().stream()
                .filter(b -> after.isEmpty() || b.name().compareTo(after.get()) > 0)
                .sorted(Comparator.comparing(Bucket::name))
                .toList();
        List<Bucket> page = rest.subList(0, Math.min(pageSize, rest.size()));
        Optional<String> next = rest.size() > page.size() ? Optional.of(page.get(page.size() - 1).name()) : Optional.empty();
        return new AwsPage(rows(s3, scope, page), next);
    }

    private static List<Object[]> rows(S3Client s3, Scope scope, List<Bucket> buckets) {
        List<Object[]> rows = new ArrayList<>();
        for (Bucket bucket : buckets) {
            try {
                rows.add(row(s3, scope, bucket));
            } catch (NoSuchBucketException deleted) {
                // deleted after the list: not a bucket any more
            }
        }
        return rows;
    }

    private static Object[] row(S3Client s3, Scope scope, Bucket bucket) {
        String name = bucket.name();
        String location = s3.getBucketLocation(r -> r.bucket(name)).locationConstraintAsString();
        GetBucketVersioning versioning = GetBucketVersioning.of(s3.getBucketVersioning(r -> r.bucket(name)));
        return new Object[] {scope.accountId(), "arn:aws:s3:::" + name, bucket.creationDate(), name, region(location),
                policy(s3, name), versioning.status(), versioning.mfaDelete(), encryption(s3, name)};
    }

    /** GetBucketLocation's answer as a region: none is us-east-1, {@code EU} is eu-west-1. */
    static String region(String locationConstraint) {
        if (locationConstraint == null || locationConstraint.isEmpty() || locationConstraint.equals("null")) {
            return "us-east-1";
        }
        return locationConstraint.equals("EU") ? "eu-west-1" : locationConstraint;
    }

    private static String policy(S3Client s3, String name) {
        try {
            return s3.getBucketPolicy(r -> r.bucket(name)).policy();
        } catch (S3Exception e) {
            if (errorCode(e).equals("NoSuchBucketPolicy")) {
                return null;
            }
            throw e;
        }
    }

    private static String encryption(S3Client s3, String name) {
        try {
            return SdkJson.of(s3.getBucketEncryption(r -> r.bucket(name)).serverSideEncryptionConfiguration().rules());
        } catch (S3Exception e) {
            if (errorCode(e).equals("ServerSideEncryptionConfigurationNotFoundError")) {
                return null;
            }
            throw e;
        }
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "" : e.awsErrorDetails().errorCode();
    }

    private record GetBucketVersioning(String status, String mfaDelete) {
        static GetBucketVersioning of(GetBucketVersioningResponse r) {
            return new GetBucketVersioning(r.statusAsString(), r.mfaDeleteAsString());
        }
    }
}
