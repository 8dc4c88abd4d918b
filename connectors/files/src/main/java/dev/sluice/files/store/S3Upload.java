package dev.sluice.files.store;

import dev.sluice.spi.ConnectorException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * One S3 object being written. Bytes fill one part buffer; when it is full and more bytes come,
 * the first time a multipart upload is created, and the part is uploaded. {@link #complete()}
 * puts a never-filled buffer as one PutObject, or uploads the last part and completes the
 * multipart upload. Any failure aborts the multipart upload; S3 shows nothing at the key until
 * PutObject or CompleteMultipartUpload succeeds. Holds one part buffer, never the object.
 */
final class S3Upload implements Upload {
    private static final System.Logger LOG = System.getLogger(S3Upload.class.getName());
    /** S3's limit on part numbers. */
    private static final int MAX_PARTS = 10_000;

    private final S3Client s3;
    private final S3Location at;
    private final String endpoint;
    private final PartBuffer buffer;
    private final String contentType;
    private final List<CompletedPart> parts = new ArrayList<>();
    private final OutputStream stream = new PartStream();
    private String uploadId;
    private boolean ended;

    S3Upload(S3Client s3, S3Location at, String endpoint, int partSize, String contentType) {
        this.s3 = s3;
        this.contentType = contentType;
        this.at = at;
        this.endpoint = endpoint;
        this.buffer = new PartBuffer(partSize);
    }

    @Override
    public OutputStream stream() {
        return stream;
    }

    @Override
    public void complete() {
        ensureOpen();
        try {
            if (uploadId == null) {
                call(S3Call.PUT_OBJECT, () -> s3.putObject(r -> r.bucket(at.bucket()).key(at.key()).contentType(contentType), buffer.body()));
            } else {
                uploadPart();
                List<CompletedPart> all = List.copyOf(parts);
                call(S3Call.COMPLETE_MULTIPART_UPLOAD, () -> s3.completeMultipartUpload(r -> r.bucket(at.bucket()).key(at.key())
                        .uploadId(uploadId).multipartUpload(m -> m.parts(all))));
            }
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
        ended = true;
        buffer.release();
    }

    @Override
    public void abort() {
        if (ended) {
            return;
        }
        ended = true;
        buffer.release();
        if (uploadId == null) {
            return;
        }
        try {
            call(S3Call.ABORT_MULTIPART_UPLOAD, () -> s3.abortMultipartUpload(r -> r.bucket(at.bucket()).key(at.key()).uploadId(uploadId)));
        } catch (RuntimeException e) {
            // S3 keeps the parts until a lifecycle rule (AbortIncompleteMultipartUpload) removes them
            LOG.log(System.Logger.Level.WARNING, "multipart upload " + uploadId + " of " + at.uri() + " left behind: " + e.getMessage());
        }
    }

    /** Bytes of memory this upload holds: its part buffer's array. */
    int heldBytes() {
        return buffer.capacity();
    }

    /** The parts uploaded so far. */
    int partsUploaded() {
        return parts.size();
    }

    private void uploadPart() {
        int number = parts.size() + 1;
        if (number > MAX_PARTS) {
            throw new ConnectorException(S3Call.UPLOAD_PART.failed() + " " + at.uri() + ": the object is larger than "
                    + MAX_PARTS + " parts of " + buffer.size() + " bytes");
        }
        if (uploadId == null) {
            uploadId = call(S3Call.CREATE_MULTIPART_UPLOAD,
                    () -> s3.createMultipartUpload(r -> r.bucket(at.bucket()).key(at.key()).contentType(contentType)).uploadId());
        }
        String etag = call(S3Call.UPLOAD_PART, () -> s3.uploadPart(r -> r.bucket(at.bucket()).key(at.key())
                .uploadId(uploadId).partNumber(number), buffer.body()).eTag());
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        buffer.clear();
    }

    private <T> T call(S3Call call, java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw S3Errors.translate(e, call, at, endpoint);
        }
    }

    private void ensureOpen() {
        if (ended) {
            throw new IllegalStateException("upload of " + at.uri() + " already ended");
        }
    }

    /** Writes fill the part buffer; a full buffer is uploaded when more bytes come. Closing does nothing. */
    private final class PartStream extends OutputStream {
        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensureOpen();
            while (len > 0) {
                if (buffer.full()) {
                    try {
                        uploadPart();
                    } catch (RuntimeException e) {
                        abort();
                        throw e;
                    }
                }
                int n = buffer.write(b, off, len);
                off += n;
                len -= n;
            }
        }
    }
}
