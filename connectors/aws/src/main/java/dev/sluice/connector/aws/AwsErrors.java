package dev.sluice.connector.aws;

import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.TransientException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns the SDK's exceptions into the connector's: access denied into
 * {@link AwsAccessDeniedException}, throttling and server errors left after the SDK's retries
 * into {@link TransientException}, anything else into a {@link ConnectorException} with the
 * service's message. Messages carry the error code and message AWS returned, never request
 * headers, credentials or signatures.
 */
final class AwsErrors {
    /** Error codes AWS services answer a missing permission or unusable credentials with. */
    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
            "UnauthorizedAccess", "AuthorizationError", "AuthorizationErrorException", "NotAuthorized",
            "InvalidClientTokenId", "UnrecognizedClientException", "ExpiredToken", "ExpiredTokenException",
            "SignatureDoesNotMatch", "InvalidAccessKeyId", "AllAccessDisabled");
    /** A signature, a credential scope or a session token, should a message ever echo one. */
    private static final Pattern SECRET = Pattern.compile(
            "(?i)(Signature|Credential|X-Amz-Security-Token|X-Amz-Signature|X-Amz-Credential|SessionToken)\\s*[=:]\\s*[^\\s,;&]+");

    private AwsErrors() {
    }

    static ConnectorException translate(SdkException e, String table, AwsAccount account, String region) {
        String where = "table " + table + ", account " + account.id() + ", region " + region;
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorMessage();
            if (code == null || message == null) {
                // a body the protocol's parser did not read (moto answers IAM's query protocol with
                // EC2's <Errors><Error> shape): take the code and message from its text
                String raw = rawBody(service);
                code = code == null ? element(raw, "Code") : code;
                message = message == null ? element(raw, "Message") : message;
            }
            String said = clean((code == null ? "HTTP " + service.statusCode() + ": " : code + ": ")
                    + (message == null ? "(no message)" : message));
            if ((code != null && DENIED.contains(code)) || service.statusCode() == 403) {
                return new AwsAccessDeniedException("access denied (" + where + "): " + said, e);
            }
            if (service.isThrottlingException() || service.statusCode() >= 500) {
                return new TransientException("AWS still failing after the retries (" + where + "): " + said, e);
            }
            return new ConnectorException("AWS error (" + where + "): " + said, e);
        }
        if (e instanceof SdkClientException && e.getCause() instanceof AwsServiceException cause) {
            // a credentials provider (STS AssumeRole) failed: say what STS said
            ConnectorException inner = translate(cause, table, account, region);
            String prefix = account.roleArn().map(arn -> "cannot assume role " + arn + ": ").orElse("cannot get credentials: ");
            return inner instanceof AwsAccessDeniedException
                    ? new AwsAccessDeniedException(prefix + inner.getMessage(), e)
                    : new ConnectorException(prefix + inner.getMessage(), e);
        }
        String said = clean(String.valueOf(e.getMessage()));
        if (said.contains("credentials")) {
            return new ConnectorException("no usable AWS credentials (" + where + "): " + said, e);
        }
        return new TransientException("AWS call failed (" + where + "): " + said, e);
    }

    private static String rawBody(AwsServiceException e) {
        if (e.awsErrorDetails() == null || e.awsErrorDetails().rawResponse() == null) {
            return "";
        }
        String body = e.awsErrorDetails().rawResponse().asUtf8String();
        return body.length() > 4096 ? body.substring(0, 4096) : body;
    }

    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]{1,1000})</" + name + ">").matcher(xml);
        if (!m.find()) {
            return null;
        }
        return m.group(1).replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    static String clean(String message) {
        return SECRET.matcher(message).replaceAll("$1=(hidden)");
    }
}
