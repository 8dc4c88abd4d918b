package dev.sluice.files.store;

import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.TransientException;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns the SDK's exceptions into connector exceptions that name the object, the S3 operation
 * and S3's error code and message: a missing bucket, a denied action (with the IAM action and
 * the object's ARN), rejected credentials, and, as {@link TransientException}, server errors,
 * throttling and RequestTimeout left after the SDK's retries, and endpoints that cannot be
 * reached. Messages never carry request headers, credentials or signatures.
 */
final class S3Errors {
    private static final Set<String> DENIED = Set.of("AccessDenied", "AllAccessDisabled", "AccountProblem");
    private static final Set<String> BAD_CREDENTIALS = Set.of("InvalidAccessKeyId", "SignatureDoesNotMatch",
            "ExpiredToken", "InvalidToken", "TokenRefreshRequired");
    /** 4xx codes another attempt may not get: S3 closed an upload connection that went idle. */
    private static final Set<String> TRANSIENT = Set.of("RequestTimeout");
    /** A signature, a credential scope or a session token, should a message ever echo one. */
    private static final Pattern SECRET = Pattern.compile(
            "(?i)(Signature|Credential|X-Amz-Security-Token|X-Amz-Signature|X-Amz-Credential|SessionToken)\\s*[=:]\\s*[^\\s,;&]+");

    private S3Errors() {
    }

    /**
     * @param endpoint how to name the endpoint that could not be reached: its URL, or the region's S3
     */
    static ConnectorException translate(SdkException e, S3Call call, S3Location at, String endpoint) {
        String prefix = call.failed() + " " + at.uri() + ": ";
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorMessage();
            String said = "(" + call.operation() + ": " + (code == null ? "HTTP " + service.statusCode() : code) + ": "
                    + (message == null ? "no message" : message) + ")";
            if ("NoSuchBucket".equals(code)) {
                return new ConnectorException(clean(prefix + "bucket " + at.bucket() + " does not exist " + said), e);
            }
            if (code != null && BAD_CREDENTIALS.contains(code)) {
                return new ConnectorException(clean(prefix + "S3 refused the credentials " + said), e);
            }
            if ((code != null && DENIED.contains(code)) || service.statusCode() == 403) {
                return new ConnectorException(clean(prefix + "access denied: " + call.iamAction() + " on " + at.arn() + " " + said), e);
            }
            if (service.isThrottlingException() || service.statusCode() >= 500 || (code != null && TRANSIENT.contains(code))) {
                return new TransientException(clean(prefix + "S3 still failing after the SDK's retries " + said), e);
            }
            return new ConnectorException(clean(prefix + "S3 error " + said), e);
        }
        String said = "(" + call.operation() + ": " + e.getMessage() + ")";
        if (e instanceof SdkClientException && String.valueOf(e.getMessage()).contains("credentials")) {
            return new ConnectorException(clean(prefix + "no usable AWS credentials " + said), e);
        }
        return new TransientException(clean(prefix + "cannot reach " + endpoint + " " + said), e);
    }

    static String clean(String message) {
        return SECRET.matcher(message).replaceAll("$1=(hidden)");
    }
}
