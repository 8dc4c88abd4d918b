package dev.sluice.files.store;

/**
 * The S3 operations an {@link S3Store} makes and the IAM action each needs on the object's ARN
 * ({@code arn:aws:s3:::bucket/key}): the one place to read the permissions a destination needs.
 * Writing needs {@code s3:PutObject} (a single PutObject, or CreateMultipartUpload, UploadPart
 * and CompleteMultipartUpload); discarding a started multipart upload needs
 * {@code s3:AbortMultipartUpload}; a probe needs {@code s3:PutObject} and {@code s3:DeleteObject}.
 */
enum S3Call {
    PUT_OBJECT("PutObject", "s3:PutObject", "cannot write"),
    CREATE_MULTIPART_UPLOAD("CreateMultipartUpload", "s3:PutObject", "cannot write"),
    UPLOAD_PART("UploadPart", "s3:PutObject", "cannot write"),
    COMPLETE_MULTIPART_UPLOAD("CompleteMultipartUpload", "s3:PutObject", "cannot write"),
    ABORT_MULTIPART_UPLOAD("AbortMultipartUpload", "s3:AbortMultipartUpload", "cannot abort the multipart upload of"),
    DELETE_OBJECT("DeleteObject", "s3:DeleteObject", "cannot delete");

    private final String operation;
    private final String iamAction;
    private final String failed;

    S3Call(String operation, String iamAction, String failed) {
        this.operation = operation;
        this.iamAction = iamAction;
        this.failed = failed;
    }

    /** The S3 API operation, as AWS names it. */
    String operation() {
        return operation;
    }

    /** The IAM action the operation needs on the object. */
    String iamAction() {
        return iamAction;
    }

    /** How a message about this call's failure begins, before the object's location. */
    String failed() {
        return failed;
    }
}
