package dev.sluice.files.store;

/** One object in one bucket; {@code partition} is the ARN partition ({@code aws}, {@code aws-cn}, ...). */
record S3Location(String bucket, String key, String partition) {

    String uri() {
        return "s3://" + bucket + "/" + key;
    }

    String arn() {
        return "arn:" + partition + ":s3:::" + bucket + "/" + key;
    }
}
