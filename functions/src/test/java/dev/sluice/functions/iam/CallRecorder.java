package dev.sluice.functions.iam;

import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records the IAM action of every AWS request a client made (SendMessageBatch as sqs:SendMessage,
 * as IAM authorizes it), and the ones refused for lack of permission, even where the code
 * swallows the error (Redelivery does).
 */
public final class CallRecorder implements ExecutionInterceptor {
    private final Set<String> called = new TreeSet<>();
    private final Set<String> refused = new TreeSet<>();

    @Override
    public synchronized void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        called.add(action(attributes));
    }

    @Override
    public synchronized void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        String action = action(attributes);
        called.add(action);
        if (context.exception() instanceof AwsServiceException e
                && (e.statusCode() == 403 || e.awsErrorDetails() != null && isRefusal(e.awsErrorDetails().errorCode()))) {
            refused.add(action + " (" + e.getMessage() + ")");
        }
    }

    public static boolean isRefusal(String errorCode) {
        return errorCode != null && (errorCode.contains("AccessDenied") || errorCode.equals("InvalidClientTokenId")
                || errorCode.equals("UnrecognizedClientException") || errorCode.equals("SignatureDoesNotMatch"));
    }

    public synchronized Set<String> called() {
        return new TreeSet<>(called);
    }

    public synchronized Set<String> refused() {
        return new TreeSet<>(refused);
    }

    private static String action(ExecutionAttributes attributes) {
        String service = switch (attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)) {
            case "DynamoDB" -> "dynamodb";
            case "SecretsManager" -> "secretsmanager";
            default -> attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME).toLowerCase();
        };
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (service.equals("sqs") && operation.endsWith("Batch")) {
            operation = operation.substring(0, operation.length() - "Batch".length());
        }
        return service + ":" + operation;
    }
}
