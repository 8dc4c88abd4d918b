package dev.sluice.connector.aws;

import dev.sluice.emulators.MotoServer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.Tag;

/** aws_rds_instances against moto: more than one DescribeDBInstances page in two regions, every row compared with what was created. */
class RdsInstancesIT {
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");
    /** More than one page of the smallest page DescribeDBInstances accepts. */
    private static final int INSTANCES = RdsInstances.MIN_PAGE + 3;
    private static MotoServer moto;

    @BeforeAll
    static void start() {
        moto = MotoServer.start();
    }

    @AfterAll
    static void stop() {
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void everyDbInstanceOfEachRegionOnceWithItsSettingsAndTags() {
        for (String region : REGIONS) {
            try (MotoClients clients = new MotoClients(moto, region)) {
                Map<String, DBInstance> created = new HashMap<>();
                for (int i = 0; i < INSTANCES; i++) {
                    String id = region + "-db" + i;
                    boolean postgres = i % 2 == 0;
                    int storage = 20 + i;
                    DBInstance db = clients.rds().createDBInstance(r -> r.dbInstanceIdentifier(id)
                            .engine(postgres ? "postgres" : "mysql").dbInstanceClass("db.t3.micro").allocatedStorage(storage)
                            .masterUsername("admin").masterUserPassword("secret-password-1").dbName("app")
                            .multiAZ(postgres).storageEncrypted(!postgres).deletionProtection(false)
                            .enableCloudwatchLogsExports(postgres ? List.of("postgresql") : List.of("error", "slowquery"))
                            .tags(Tag.builder().key("team").value(id).build())).dbInstance();
                    created.put(db.dbInstanceArn(), db);
                }
                RdsInstances table = new RdsInstances(RdsInstances.MIN_PAGE);
                Pages read = Pages.readAll(table, clients, new Scope(MotoClients.ACCOUNT, region));

                assertThat(read.pages).hasSize(2);
                Map<String, Object[]> rows = new HashMap<>();
                for (Object[] row : read.rows) {
                    assertThat(rows.put((String) Pages.value(table, row, "arn"), row)).as("arn once").isNull();
                }
                assertThat(rows.keySet()).isEqualTo(created.keySet());
                for (Map.Entry<String, DBInstance> e : created.entrySet()) {
                    Object[] row = rows.get(e.getKey());
                    DBInstance db = e.getValue();
                    String id = db.dbInstanceIdentifier();
                    int i = Integer.parseInt(id.substring(id.lastIndexOf("db") + 2));
                    boolean postgres = i % 2 == 0;
                    assertThat(e.getKey()).isEqualTo("arn:aws:rds:" + region + ":" + MotoClients.ACCOUNT + ":db:" + id);
                    assertThat(Pages.value(table, row, "account_id")).isEqualTo(MotoClients.ACCOUNT);
                    assertThat(Pages.value(table, row, "region")).isEqualTo(region);
                    assertThat(Pages.value(table, row, "db_instance_arn")).isEqualTo(e.getKey());
                    assertThat(Pages.value(table, row, "db_instance_identifier")).isEqualTo(id);
                    assertThat(Pages.value(table, row, "engine")).isEqualTo(postgres ? "postgres" : "mysql");
                    assertThat(Pages.value(table, row, "db_instance_class")).isEqualTo("db.t3.micro");
                    assertThat(Pages.value(table, row, "allocated_storage")).isEqualTo(20L + i);
                    assertThat(Pages.value(table, row, "master_username")).isEqualTo("admin");
                    assertThat(Pages.value(table, row, "db_name")).isEqualTo("app");
                    assertThat(Pages.value(table, row, "multi_az")).isEqualTo(postgres);
                    assertThat(Pages.value(table, row, "storage_encrypted")).isEqualTo(!postgres);
                    assertThat(Pages.value(table, row, "deletion_protection")).isEqualTo(false);
                    assertThat(Pages.value(table, row, "enabled_cloudwatch_logs_exports"))
                            .isEqualTo(postgres ? List.of("postgresql") : List.of("error", "slowquery"));
                    assertThat(Pages.value(table, row, "instance_create_time")).isEqualTo(db.instanceCreateTime());
                    assertThat(Pages.value(table, row, "dbi_resource_id")).isEqualTo(db.dbiResourceId());
                    assertThat(Json.parse((String) Pages.value(table, row, "tags"))).isEqualTo(Map.of("team", id));
                    assertThat(Json.parse((String) Pages.value(table, row, "endpoint")))
                            .isEqualTo(Json.parse(SdkJson.of(db.endpoint())));
                    assertThat(Pages.value(table, row, "processor_features")).isEqualTo("{}");
                }
            }
        }
    }
}
