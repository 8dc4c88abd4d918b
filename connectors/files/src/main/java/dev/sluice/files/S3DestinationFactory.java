package dev.sluice.files;

import dev.sluice.files.store.S3Settings;
import dev.sluice.files.store.S3Store;
import dev.sluice.spi.ConfigException;
import dev.sluice.spi.ConfigProblems;
import dev.sluice.spi.ConnectorConfig;
import dev.sluice.spi.Destination;
import dev.sluice.spi.DestinationFactory;
import dev.sluice.spi.Spec;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code path: cloudquery/s3}: objects in an S3 bucket (or an S3-compatible store through
 * {@code endpoint}), with credentials from the SDK's default chain. Spec as CloudQuery's S3
 * destination; its options Sluice does not implement are refused by name.
 */
public final class S3DestinationFactory implements DestinationFactory {
    private static final Set<String> KEYS;
    private static final Map<String, String> UNSUPPORTED = Map.of(
            "local_profile", "credentials come from the SDK's default chain (AWS_PROFILE selects a profile)",
            "credentials", "credentials come from the SDK's default chain (AWS_PROFILE selects a profile)",
            "server_side_encryption_configuration", "objects get the bucket's default encryption",
            "acl", "objects get the bucket's default ACL",
            "endpoint_skip_tls_verify", "TLS is always verified",
            "aws_debug", "the SDK logs through SLF4J");

    static {
        Set<String> keys = new HashSet<>(FileSettings.KEYS);
        keys.addAll(Set.of("bucket", "region", "test_write", "endpoint", "use_path_style", "part_size",
                "max_retries", "max_backoff", "content_type"));
        keys.addAll(UNSUPPORTED.keySet());
        KEYS = Set.copyOf(keys);
    }

    @Override
    public String name() {
        return "s3";
    }

    @Override
    public Destination create(ConnectorConfig config) {
        Spec spec = config.spec();
        ConfigProblems problems = new ConfigProblems();
        problems.check(() -> spec.requireOnly(KEYS));
        UNSUPPORTED.forEach((key, why) -> {
            if (spec.has(key)) {
                problems.add(key, "is not supported by Sluice: " + why);
            }
        });
        String bucket = problems.check(() -> bucket(spec), "");
        String region = problems.check(() -> nonEmpty(spec, "region"), "");
        Optional<URI> endpoint = problems.check(() -> endpoint(spec), Optional.empty());
        boolean pathStyle = problems.check(() -> spec.bool("use_path_style", false), false);
        boolean testWrite = problems.check(() -> spec.bool("test_write", true), true);
        long partSize = problems.check(() -> spec.integer("part_size", S3Store.DEFAULT_PART_SIZE, S3Store.MIN_PART_SIZE,
                1L << 30), (long) S3Store.DEFAULT_PART_SIZE);
        int maxRetries = (int) (long) problems.check(() -> spec.integer("max_retries", 3, 0, 100), 3L);
        long maxBackoff = problems.check(() -> spec.integer("max_backoff", 30, 1, 3600), 30L);
        Optional<String> contentType = problems.check(() -> spec.optionalString("content_type").filter(t -> !t.isEmpty()),
                Optional.empty());
        Optional<String> path = problems.check(() -> Optional.of(spec.string("path")), Optional.empty());
        Optional<FileSettings> settings = FileSettings.read(spec, path, problems);
        problems.throwIfAny();
        S3Settings s3 = new S3Settings(bucket, region, endpoint, pathStyle, (int) partSize, maxRetries,
                Duration.ofSeconds(maxBackoff));
        return new FileDestination(settings.orElseThrow(), () -> S3Store.open(s3), testWrite, contentType,
                FileDestination.cloudQueryDefaults());
    }

    private static String nonEmpty(Spec spec, String key) {
        String value = spec.string(key);
        if (value.isBlank()) {
            throw new ConfigException(key, "must not be empty");
        }
        return value;
    }

    private static String bucket(Spec spec) {
        String bucket = nonEmpty(spec, "bucket");
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new ConfigException("bucket", "\"" + bucket + "\" is not an S3 bucket name (3 to 63 lowercase "
                    + "letters, digits, dots and hyphens, starting and ending with a letter or digit; no s3:// prefix)");
        }
        return bucket;
    }

    private static Optional<URI> endpoint(Spec spec) {
        Optional<String> value = spec.optionalString("endpoint").filter(s -> !s.isEmpty());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.get());
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new ConfigException("endpoint", "\"" + value.get() + "\" is not an http(s) URL");
            }
            return Optional.of(uri);
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException("endpoint", "\"" + value.get() + "\" is not a URL: " + e.getReason());
        }
    }
}
