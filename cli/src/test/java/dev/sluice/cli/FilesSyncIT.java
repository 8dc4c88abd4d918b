package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.emulators.MotoServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The README's file and s3 examples through the {@code sluice} command: the files they write are
 * read back by DuckDB with the right row counts and column types, and a config that leaves
 * write_mode at its default is refused before anything is written.
 */
class FilesSyncIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private static CliIT.Result sluice(Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(JarRun.javaBinary(), "-jar", JarRun.jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().putAll(env);
        Path out = Files.createTempFile(workDir.getParent(), "stdout", ".txt");
        Path err = Files.createTempFile(workDir.getParent(), "stderr", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("sluice ended").isTrue();
        return new CliIT.Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Map<String, String> duck(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            Map<String, String> out = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        }
    }

    private static long count(String from) throws SQLException {
        return Long.parseLong(duck("SELECT 'n', count(*) FROM " + from).get("n"));
    }

    @Test
    void theFileQuickStartWritesParquetThatDuckDbReadsWithTheRightCountsAndTypes() throws Exception {
        CliIT.Result r = sluice(dir, Map.of(), "sync", ROOT.resolve("examples/file.yml").toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        String some = "read_parquet('" + dir.resolve("lake/test_some_table/*.parquet") + "')";
        assertThat(count(some)).isEqualTo(1000);
        assertThat(count("(SELECT DISTINCT _cq_id FROM " + some + ")")).isEqualTo(1000);
        assertThat(count("read_parquet('" + dir.resolve("lake/test_sub_table/*.parquet") + "')")).isEqualTo(2000);
        assertThat(count("read_parquet('" + dir.resolve("lake/test_incremental_table/*.parquet") + "')")).isEqualTo(1000);
        Map<String, String> types = duck("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM " + some + ")");
        assertThat(types).containsEntry("_cq_sync_time", "TIMESTAMP WITH TIME ZONE")
                .containsEntry("_cq_source_name", "VARCHAR")
                .containsEntry("_cq_id", "UUID")
                .containsEntry("id", "BIGINT");
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void theS3ExampleOnMotoWritesObjectsDuckDbReads() throws Exception {
        try (MotoServer moto = MotoServer.start();
             S3Client s3 = S3Client.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                     .build()) {
            s3.createBucket(b -> b.bucket("sluice-lake"));
            String example = Files.readString(ROOT.resolve("examples/s3.yml"))
                    .replace("http://127.0.0.1:5000", moto.endpoint().toString());
            assertThat(example).contains(moto.endpoint().toString());
            Path config = dir.resolve("s3.yml");
            Files.writeString(config, example);
            CliIT.Result r = sluice(dir, Map.of("AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing"),
                    "sync", config.toString());
            assertThat(r.code()).as(r.out() + r.err()).isZero();

            Path local = dir.resolve("download");
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket("sluice-lake")).contents()) {
                assertThat(o.key()).startsWith("raw/").endsWith(".parquet");
                Path file = local.resolve(o.key());
                Files.createDirectories(file.getParent());
                s3.getObject(g -> g.bucket("sluice-lake").key(o.key()), file);
            }
            assertThat(count("read_parquet('" + local + "/raw/test_some_table/**/*.parquet')")).isEqualTo(1000);
            assertThat(count("read_parquet('" + local + "/raw/test_sub_table/**/*.parquet')")).isEqualTo(2000);
            assertThat(s3.listMultipartUploads(b -> b.bucket("sluice-lake")).uploads()).isEmpty();
        }
    }

    @Test
    void aFileDestinationWithTheDefaultWriteModeIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path config = dir.resolve("bad.yml");
        Files.writeString(config, Files.readString(ROOT.resolve("examples/file.yml")).replace("  write_mode: append", ""));
        CliIT.Result r = sluice(dir, Map.of(), "sync", config.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("spec.write_mode").contains("write_mode is overwrite-delete-stale")
                .contains("set write_mode: append");
        assertThat(dir.resolve("lake")).doesNotExist();
    }
}
