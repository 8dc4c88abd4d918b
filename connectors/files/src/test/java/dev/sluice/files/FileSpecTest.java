package dev.sluice.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.spi.ConfigException;
import dev.sluice.spi.ConnectorConfig;
import dev.sluice.spi.Destination;
import dev.sluice.spi.Spec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The file and s3 specs: CloudQuery's fields, every problem named by its field, and no I/O. */
class FileSpecTest {

    private static Destination file(Map<String, Object> spec) {
        return new FileDestinationFactory().create(new ConnectorConfig("f", new Spec(spec)));
    }

    private static Destination s3(Map<String, Object> spec) {
        return new S3DestinationFactory().create(new ConnectorConfig("s", new Spec(spec)));
    }

    private static List<String> fields(Runnable create) {
        try {
            create.run();
        } catch (ConfigException e) {
            return e.problems().stream().map(p -> p.field().orElse("") + ": " + p.getMessage()).toList();
        }
        throw new AssertionError("no problem reported");
    }

    @Test
    void aMinimalFileSpecIsAnObjectDestinationWithCloudQuerysBatchDefaults() {
        Destination d = file(Map.of("path", "out/{{TABLE}}/{{UUID}}.{{FORMAT}}", "format", "parquet"));
        assertThat(d.objects()).isPresent();
        assertThat(d.defaultBatchLimits().rows()).isEqualTo(10_000);
        assertThat(d.defaultBatchLimits().bytes()).isEqualTo(50L << 20);
    }

    @Test
    void noRotateKeepsEveryTableInOneObject() {
        Destination d = file(Map.of("path", "out/{{TABLE}}.{{FORMAT}}", "format", "json", "no_rotate", true));
        assertThat(d.defaultBatchLimits().rows()).isEqualTo(Integer.MAX_VALUE);
        assertThat(d.defaultBatchLimits().bytes()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void everyProblemOfAFileSpecIsReportedAtOnceByField() {
        assertThat(fields(() -> file(Map.of("format", "xml", "path", "/abs", "colour", "red"))))
                .anySatisfy(p -> assertThat(p).startsWith("format: ").contains("\"xml\" is not a format"))
                .anySatisfy(p -> assertThat(p).contains("colour"));
        assertThat(fields(() -> file(Map.of("format", "json", "compression", "zstd", "path", "{{TABLE}}/{{UUID}}"))))
                .anySatisfy(p -> assertThat(p).startsWith("compression: ").contains("for json: \"\" (none) or gzip"));
        assertThat(fields(() -> file(Map.of("format", "csv", "write_empty_objects_for_empty_tables", true,
                "path", "{{TABLE}}/{{UUID}}"))))
                .anySatisfy(p -> assertThat(p).startsWith("write_empty_objects_for_empty_tables: ").contains("parquet"));
        assertThat(fields(() -> file(Map.of("format", "parquet", "format_spec", Map.of("version", "v2Latest"),
                "path", "{{TABLE}}/{{UUID}}"))))
                .anySatisfy(p -> assertThat(p).startsWith("format_spec: ").contains("version"));
        assertThat(fields(() -> file(Map.of("format", "csv", "format_spec", Map.of("delimiter", ";;"),
                "path", "{{TABLE}}/{{UUID}}"))))
                .anySatisfy(p -> assertThat(p).startsWith("format_spec.delimiter: "));
        assertThat(fields(() -> file(Map.of("format", "csv", "path", "a/{{TABLE}}/{{UUID}}", "directory", "a"))))
                .anySatisfy(p -> assertThat(p).startsWith("directory: ").contains("not both"));
        assertThat(fields(() -> file(Map.of("format", "csv", "path", "{{TABLE}}.csv"))))
                .anySatisfy(p -> assertThat(p).startsWith("path: ").contains("must contain {{UUID}}"));
    }

    @Test
    void directoryIsTheOlderFormOfPath() {
        Destination d = file(Map.of("directory", "out/", "format", "csv"));
        assertThat(d.objects()).isPresent();
    }

    @Test
    void anS3SpecNeedsBucketAndRegionAndRefusesWhatSluiceDoesNotDo() {
        assertThat(fields(() -> s3(Map.of("format", "parquet", "path", "{{TABLE}}/{{UUID}}.{{FORMAT}}"))))
                .anySatisfy(p -> assertThat(p).startsWith("bucket: "))
                .anySatisfy(p -> assertThat(p).startsWith("region: "));
        assertThat(fields(() -> s3(Map.of("bucket", "s3://lake", "region", "us-east-1", "format", "parquet",
                "path", "{{TABLE}}/{{UUID}}.{{FORMAT}}", "credentials", Map.of("role_arn", "x"),
                "endpoint", "not a url", "part_size", 1024))))
                .anySatisfy(p -> assertThat(p).startsWith("bucket: ").contains("no s3:// prefix"))
                .anySatisfy(p -> assertThat(p).startsWith("credentials: ").contains("default chain"))
                .anySatisfy(p -> assertThat(p).startsWith("endpoint: "))
                .anySatisfy(p -> assertThat(p).startsWith("part_size: "));
    }

    @Test
    void aValidS3SpecDoesNoIoUntilOpened() {
        // an endpoint nothing listens on: creating the destination must not touch it
        Destination d = s3(Map.of("bucket", "lake", "region", "us-east-1", "format", "json", "compression", "gzip",
                "path", "raw/{{TABLE}}/{{UUID}}.{{FORMAT}}", "endpoint", "http://127.0.0.1:9", "use_path_style", true));
        assertThat(d.objects()).isPresent();
        d.close();
    }
}
