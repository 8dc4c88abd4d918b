package dev.sluice.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/** Config from files (relative to the task root), SSM parameters (decrypted) and S3 objects, with fake clients. */
class ConfigLocationTest {
    private static final String YAML = "kind: source\nspec:\n  name: test\n  password: s3cr3t\n";

    @TempDir
    Path root;

    private final SsmClient ssm = new SsmClient() {
        @Override
        public GetParameterResponse getParameter(GetParameterRequest r) {
            if (!r.name().equals("/sluice/config") || !Boolean.TRUE.equals(r.withDecryption())) {
                throw ParameterNotFoundException.builder().message("Parameter " + r.name() + " not found").build();
            }
            return GetParameterResponse.builder().parameter(p -> p.name(r.name()).value(YAML)).build();
        }

        @Override
        public String serviceName() {
            return "ssm";
        }

        @Override
        public void close() {
        }
    };

    private final S3Client s3 = new S3Client() {
        @Override
        public ResponseBytes<GetObjectResponse> getObjectAsBytes(GetObjectRequest r) {
            if (!r.bucket().equals("configs") || !r.key().equals("prod/sync.yml")) {
                throw NoSuchKeyException.builder().message("The specified key does not exist.").build();
            }
            return ResponseBytes.fromByteArray(GetObjectResponse.builder().build(), YAML.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String serviceName() {
            return "s3";
        }

        @Override
        public void close() {
        }
    };

    private ConfigLocation location() {
        return new ConfigLocation(() -> ssm, () -> s3, Optional.of(root));
    }

    @Test
    void relativeFilesAreFoundUnderTheTaskRoot() throws Exception {
        Files.createDirectories(root.resolve("config"));
        Path file = Files.writeString(root.resolve("config/sync.yml"), YAML);
        assertThat(location().fetch("config/sync.yml")).isEqualTo(file);
        assertThat(location().fetch(file.toString())).isEqualTo(file);
        assertThatThrownBy(() -> location().fetch("config/missing.yml")).isInstanceOf(ConfigLocationException.class)
                .hasMessageContaining("config/missing.yml").hasMessageContaining("no such file");
    }

    @Test
    void ssmParametersAreDecryptedIntoAnOwnerOnlyFile() throws Exception {
        Path p = location().fetch("ssm:/sluice/config");
        assertThat(Files.readString(p)).isEqualTo(YAML);
        assertThat(p.getFileName().toString()).isEqualTo("ssm-_sluice_config.yml");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p.getParent())))
                .isEqualTo("rwx------");
        assertThatThrownBy(() -> location().fetch("ssm:/nope")).isInstanceOf(ConfigLocationException.class)
                .hasMessage("config ssm:/nope: SSM parameter /nope does not exist");
        assertThatThrownBy(() -> location().fetch("ssm:")).hasMessageContaining("name the SSM parameter");
    }

    @Test
    void s3ObjectsAreFetched() throws Exception {
        Path p = location().fetch("s3://configs/prod/sync.yml");
        assertThat(Files.readString(p)).isEqualTo(YAML);
        assertThatThrownBy(() -> location().fetch("s3://configs/other.yml")).isInstanceOf(ConfigLocationException.class)
                .hasMessage("config s3://configs/other.yml: no such S3 object");
        assertThatThrownBy(() -> location().fetch("s3://configs")).hasMessageContaining("expected s3://bucket/key");
    }

    @Test
    void severalLocationsAreFetchedInOrderAndErrorsNeverShowTheContent() throws Exception {
        Files.writeString(root.resolve("local.yml"), YAML);
        List<Path> paths = location().fetchAll("ssm:/sluice/config, local.yml ,s3://configs/prod/sync.yml");
        assertThat(paths).hasSize(3);
        assertThat(paths.get(1)).isEqualTo(root.resolve("local.yml"));
        assertThatThrownBy(() -> location().fetchAll(" , ")).hasMessage("no config location given");
        assertThatThrownBy(() -> location().fetch("ssm:/nope")).satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
    }
}
