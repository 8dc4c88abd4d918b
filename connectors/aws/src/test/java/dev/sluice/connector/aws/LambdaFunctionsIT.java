package dev.sluice.connector.aws;

import dev.sluice.emulators.MotoServer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** aws_lambda_functions against moto: several pages of functions in two regions, every row compared with what was created. */
class LambdaFunctionsIT {
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");
    private static final int FUNCTIONS = 5;
    private static MotoServer moto;

    @BeforeAll
    static void start() {
        moto = MotoServer.start();
    }

    @AfterAll
    static void stop() {
        moto.close();
    }

    @Test
    void everyFunctionOfEachRegionOnceWithItsConfigurationPolicyAndTags() {
        String role;
        try (MotoClients clients = new MotoClients(moto, "us-east-1")) {
            role = clients.iam().createRole(r -> r.roleName("fn-role").assumeRolePolicyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                            + "\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}")).role().arn();
        }
        SdkBytes zip = SdkBytes.fromByteArray(zip());
        for (String region : REGIONS) {
            try (MotoClients clients = new MotoClients(moto, region)) {
                for (int i = 0; i < FUNCTIONS; i++) {
                    String name = region + "-f" + i;
                    int n = i;
                    clients.lambda().createFunction(r -> r.functionName(name).runtime(Runtime.PYTHON3_12).role(role)
                            .handler("app.handler" + n).code(c -> c.zipFile(zip)).memorySize(128 + 64 * n).timeout(3 + n)
                            .architectures(n % 2 == 0 ? Architecture.X86_64 : Architecture.ARM64)
                            .environment(e -> e.variables(Map.of("STAGE", "s" + n)))
                            .tags(Map.of("team", "t" + n)));
                }
                clients.lambda().addPermission(r -> r.functionName(region + "-f0").statementId("s3")
                        .action("lambda:InvokeFunction").principal("s3.amazonaws.com"));

                LambdaFunctions table = new LambdaFunctions(2);
                Pages read = Pages.readAll(table, clients, new Scope(MotoClients.ACCOUNT, region));

                assertThat(read.pages).hasSize(3); // 5 functions, 2 a page
                Map<String, Object[]> rows = new HashMap<>();
                for (Object[] row : read.rows) {
                    assertThat(rows.put((String) Pages.value(table, row, "arn"), row)).as("arn once").isNull();
                }
                assertThat(rows).hasSize(FUNCTIONS);
                for (int i = 0; i < FUNCTIONS; i++) {
                    String name = region + "-f" + i;
                    String arn = "arn:aws:lambda:" + region + ":" + MotoClients.ACCOUNT + ":function:" + name;
                    Object[] row = rows.get(arn);
                    assertThat(row).as(arn).isNotNull();
                    assertThat(Pages.value(table, row, "account_id")).isEqualTo(MotoClients.ACCOUNT);
                    assertThat(Pages.value(table, row, "region")).isEqualTo(region);
                    Map<?, ?> conf = (Map<?, ?>) Json.parse((String) Pages.value(table, row, "configuration"));
                    assertThat(conf.get("FunctionName")).isEqualTo(name);
                    assertThat(conf.get("FunctionArn")).isEqualTo(arn);
                    assertThat(conf.get("Runtime")).isEqualTo("python3.12");
                    assertThat(conf.get("Handler")).isEqualTo("app.handler" + i);
                    assertThat(conf.get("Role")).isEqualTo(role);
                    assertThat(conf.get("MemorySize")).isEqualTo(128L + 64 * i);
                    assertThat(conf.get("Timeout")).isEqualTo(3L + i);
                    assertThat(conf.get("CodeSize")).isEqualTo((long) zip.asByteArray().length);
                    assertThat(conf.get("Architectures")).isEqualTo(List.of(i % 2 == 0 ? "x86_64" : "arm64"));
                    assertThat(conf.get("Environment")).isEqualTo(Map.of("Variables", Map.of("STAGE", "s" + i)));
                    assertThat(conf.get("LastModified")).isInstanceOf(String.class);
                    assertThat(Json.parse((String) Pages.value(table, row, "tags"))).isEqualTo(Map.of("team", "t" + i));
                    assertThat(Json.parse((String) Pages.value(table, row, "code"))).isInstanceOf(Map.class);
                    if (i == 0) {
                        Map<?, ?> policy = (Map<?, ?>) Json.parse((String) Pages.value(table, row, "policy_document"));
                        Map<?, ?> statement = (Map<?, ?>) ((List<?>) policy.get("Statement")).get(0);
                        assertThat(statement.get("Sid")).isEqualTo("s3");
                        assertThat(statement.get("Action")).isEqualTo("lambda:InvokeFunction");
                        assertThat(Pages.value(table, row, "policy_revision_id")).isNotNull();
                    } else {
                        assertThat(Pages.value(table, row, "policy_document")).isNull();
                        assertThat(Pages.value(table, row, "policy_revision_id")).isNull();
                    }
                }
            }
        }
    }

    private static byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("app.py"));
            z.write("def handler(event, context):\n    return event\n".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
