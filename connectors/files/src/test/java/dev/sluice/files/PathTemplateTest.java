package dev.sluice.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.spi.ConfigException;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.ObjectName;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PathTemplateTest {
    private static final UUID ID = UUID.fromString("0b0a0c6e-1f5e-5c0a-9d4e-2f1a7a3b9c01");
    private static final ObjectName NAME = new ObjectName(ID, "run-7", Instant.parse("2026-03-04T05:06:07.123Z"), true);

    @Test
    void everyPlaceholderExpandsFromTheObjectNameAndTheSyncTimeInUtc() {
        PathTemplate t = PathTemplate.parse("path",
                "lake/{{TABLE_HYPHEN}}/{{YEAR}}-{{MONTH}}-{{DAY}}T{{HOUR}}{{MINUTE}}/{{SYNC_ID}}/{{TABLE}}.{{UUID}}.{{FORMAT}}",
                "json", false);
        assertThat(t.expand("aws_s3_buckets", "json.gz", NAME))
                .isEqualTo("lake/aws-s3-buckets/2026-03-04T0506/run-7/aws_s3_buckets." + ID + ".json.gz");
    }

    @Test
    void theSameNameGivesTheSameKey() {
        PathTemplate t = PathTemplate.parse("path", "{{TABLE}}/{{UUID}}.{{FORMAT}}", "csv", false);
        assertThat(t.expand("t", "csv", NAME)).isEqualTo(t.expand("t", "csv", NAME));
    }

    @Test
    void aPathWithoutTableGetsCloudQuerysSuffix() {
        assertThat(PathTemplate.parse("path", "out", "parquet", false).template()).isEqualTo("out/{{TABLE}}.parquet.{{UUID}}");
        assertThat(PathTemplate.parse("path", "out", "parquet", true).template()).isEqualTo("out/{{TABLE}}.parquet");
    }

    @Test
    void uuidIsRequiredUnlessNoRotateAndRefusedWithIt() {
        assertThatThrownBy(() -> PathTemplate.parse("path", "{{TABLE}}.{{FORMAT}}", "json", false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("must contain {{UUID}}");
        assertThatThrownBy(() -> PathTemplate.parse("path", "{{TABLE}}/{{UUID}}.{{FORMAT}}", "json", true))
                .isInstanceOf(ConfigException.class).hasMessageContaining("must not contain {{UUID}} when no_rotate");
        assertThat(PathTemplate.parse("path", "{{SYNC_ID}}/{{TABLE}}.{{FORMAT}}", "json", true).hasUuid()).isFalse();
    }

    @Test
    void absoluteDotAndEmptySegmentsAndUnknownPlaceholdersAreRefused() {
        for (String bad : new String[] {"/abs/{{TABLE}}/{{UUID}}", "a//{{TABLE}}/{{UUID}}", "./{{TABLE}}/{{UUID}}",
                "a/../{{TABLE}}/{{UUID}}", "a/{{TABLE}}/{{UUID}}/", ""}) {
            assertThatThrownBy(() -> PathTemplate.parse("path", bad, "json", false)).as(bad)
                    .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.field()).contains("path"));
        }
        assertThatThrownBy(() -> PathTemplate.parse("path", "{{TABLE}}/{{UUID}}.{{EXT}}", "json", false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown placeholder {{EXT}}");
    }

    @Test
    void aTableNameThatWouldLeaveThePathIsRefused() {
        PathTemplate t = PathTemplate.parse("path", "{{TABLE}}/{{UUID}}.{{FORMAT}}", "json", false);
        for (String table : new String[] {"../etc", "a/b", "..", ""}) {
            assertThatThrownBy(() -> t.expand(table, "json", NAME)).as(table).isInstanceOf(ConnectorException.class);
        }
    }

    @Test
    void theProbeGoesBesideTheObjectsUnderTheFixedPrefix() {
        UUID probe = UUID.fromString("00000000-0000-0000-0000-000000000001");
        assertThat(PathTemplate.parse("path", "lake/raw/{{TABLE}}/{{UUID}}.{{FORMAT}}", "json", false).probeKey(probe))
                .isEqualTo("lake/raw/sluice-write-probe-" + probe + ".tmp");
        assertThat(PathTemplate.parse("path", "{{TABLE}}/{{UUID}}.{{FORMAT}}", "json", false).probeKey(probe))
                .isEqualTo("sluice-write-probe-" + probe + ".tmp");
    }
}
