package dev.sluice.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * Fetches the sync config from where a string names it, for the engine's {@code SpecLoader}:
 * {@code ssm:<parameter name or ARN>} (decrypted), {@code s3://bucket/key}, or a file path
 * (relative to {@code LAMBDA_TASK_ROOT} when set). SSM and S3 content is written to an
 * owner-only temporary file whose name recalls the location. Content is never logged; errors
 * name the location. The clients are made on first use and owned by the caller.
 */
public final class ConfigLocation {
    private final Supplier<SsmClient> ssm;
    private final Supplier<S3Client> s3;
    private final Optional<Path> taskRoot;
    private Path tempDir;

    public ConfigLocation(Supplier<SsmClient> ssm, Supplier<S3Client> s3, Optional<Path> taskRoot) {
        this.ssm = Objects.requireNonNull(ssm, "ssm");
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.taskRoot = Objects.requireNonNull(taskRoot, "taskRoot");
    }

    /** Relative paths against {@code LAMBDA_TASK_ROOT} when the environment sets it. */
    public static ConfigLocation fromEnvironment(Supplier<SsmClient> ssm, Supplier<S3Client> s3) {
        return new ConfigLocation(ssm, s3, Optional.ofNullable(System.getenv("LAMBDA_TASK_ROOT"))
                .filter(r -> !r.isBlank()).map(Path::of));
    }

    /** Each of the comma-separated {@code locations}, fetched in order. */
    public List<Path> fetchAll(String locations) {
        List<String> parts = Arrays.stream(locations.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
        if (parts.isEmpty()) {
            throw new ConfigLocationException("no config location given");
        }
        return parts.stream().map(this::fetch).toList();
    }

    /** The file holding the config that {@code location} names. */
    public Path fetch(String location) {
        if (location.startsWith("ssm:")) {
            return fromSsm(location, location.substring("ssm:".length()));
        }
        if (location.startsWith("s3://")) {
            return fromS3(location);
        }
        Path path = Path.of(location);
        if (!path.isAbsolute() && taskRoot.isPresent()) {
            path = taskRoot.get().resolve(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new ConfigLocationException("config " + location + ": no such file (" + path.toAbsolutePath() + ")");
        }
        return path;
    }

    private Path fromSsm(String location, String name) {
        if (name.isBlank()) {
            throw new ConfigLocationException("config " + location + ": name the SSM parameter after \"ssm:\"");
        }
        try {
            String value = ssm.get().getParameter(b -> b.name(name).withDecryption(true)).parameter().value();
            return write(location, "ssm-" + name, value);
        } catch (ParameterNotFoundException e) {
            throw new ConfigLocationException("config " + location + ": SSM parameter " + name + " does not exist", e);
        } catch (SdkException e) {
            throw new ConfigLocationException("config " + location + ": could not read SSM parameter " + name
                    + ": " + e.getMessage(), e);
        }
    }

    private Path fromS3(String location) {
        String rest = location.substring("s3://".length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new ConfigLocationException("config " + location + ": expected s3://bucket/key");
        }
        String bucket = rest.substring(0, slash);
        String key = rest.substring(slash + 1);
        try {
            String value = s3.get().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
            return write(location, "s3-" + bucket + "-" + key, value);
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            throw new ConfigLocationException("config " + location + ": no such S3 object", e);
        } catch (SdkException e) {
            throw new ConfigLocationException("config " + location + ": could not read the S3 object: " + e.getMessage(), e);
        }
    }

    private synchronized Path write(String location, String name, String content) {
        String file = name.replaceAll("[^A-Za-z0-9._-]+", "_");
        if (!file.endsWith(".yml") && !file.endsWith(".yaml")) {
            file += ".yml";
        }
        try {
            if (tempDir == null) {
                tempDir = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                        ? Files.createTempDirectory("sluice-config-", PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rwx------")))
                        : Files.createTempDirectory("sluice-config-");
            }
            return Files.writeString(tempDir.resolve(file), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigLocationException("config " + location + ": could not write it to a temporary file: "
                    + e.getMessage(), e);
        }
    }
}
