package dev.sluice.connector.aws;

import dev.sluice.emulators.MotoServer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * aws_ec2_instances, aws_ec2_security_groups and aws_ec2_vpcs against moto: more than one page of
 * each in two regions, every row compared with what was created (moto's own default VPC and
 * default security groups aside, which are checked to be just those).
 */
class Ec2TablesIT {
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
    void everyVpcOfEachRegionOnceWithItsCidrAndTags() {
        for (String region : List.of("us-east-1", "eu-west-1")) {
            try (MotoClients clients = new MotoClients(moto, region)) {
                Map<String, String> created = new HashMap<>(); // vpc id -> cidr
                for (int i = 0; i < 7; i++) {
                    String cidr = "10." + i + ".0.0/16";
                    String id = clients.ec2().createVpc(r -> r.cidrBlock(cidr).tagSpecifications(t -> t
                            .resourceType(ResourceType.VPC).tags(tag("Name", region + "-vpc"), tag("n", cidr)))).vpc().vpcId();
                    created.put(id, cidr);
                }
                Ec2Vpcs table = new Ec2Vpcs(5);
                Pages read = Pages.readAll(table, clients, new Scope(MotoClients.ACCOUNT, region));

                assertThat(read.pages).hasSize(2); // 7 VPCs and moto's default one, 5 a page
                Map<String, Object[]> rows = byKey(table, read, "vpc_id");
                assertThat(rows.keySet()).containsAll(created.keySet()).hasSize(created.size() + 1);
                for (Object[] row : rows.values()) {
                    String id = (String) Pages.value(table, row, "vpc_id");
                    assertThat(Pages.value(table, row, "account_id")).isEqualTo(MotoClients.ACCOUNT);
                    assertThat(Pages.value(table, row, "region")).isEqualTo(region);
                    assertThat(Pages.value(table, row, "arn"))
                            .isEqualTo("arn:aws:ec2:" + region + ":" + MotoClients.ACCOUNT + ":vpc/" + id);
                    assertThat(Pages.value(table, row, "state")).isEqualTo("available");
                    assertThat(Pages.value(table, row, "owner_id")).isEqualTo(MotoClients.ACCOUNT);
                    if (!created.containsKey(id)) {
                        assertThat(Pages.value(table, row, "is_default")).as("moto's default VPC").isEqualTo(true);
                        continue;
                    }
                    String cidr = created.get(id);
                    assertThat(Pages.value(table, row, "is_default")).isEqualTo(false);
                    assertThat(Pages.value(table, row, "cidr_block")).isEqualTo(cidr);
                    assertThat(Pages.value(table, row, "instance_tenancy")).isEqualTo("default");
                    assertThat(Pages.value(table, row, "dhcp_options_id")).isNotNull(); // moto says "default"
                    assertThat(Json.parse((String) Pages.value(table, row, "tags")))
                            .isEqualTo(Map.of("Name", region + "-vpc", "n", cidr));
                    assertThat((List<?>) Json.parse((String) Pages.value(table, row, "cidr_block_association_set")))
                            .singleElement().satisfies(a -> assertThat(((Map<?, ?>) a).get("CidrBlock")).isEqualTo(cidr));
                }
            }
        }
    }

    @Test
    void everySecurityGroupOfEachRegionOnceWithItsRules() {
        for (String region : List.of("us-west-2", "eu-central-1")) { // regions of its own: it makes a VPC
            try (MotoClients clients = new MotoClients(moto, region)) {
                String vpc = clients.ec2().createVpc(r -> r.cidrBlock("172.31.0.0/16")).vpc().vpcId();
                Map<String, Integer> created = new HashMap<>(); // group id -> its port
                for (int i = 0; i < 6; i++) {
                    String name = region + "-sg" + i;
                    int port = 8000 + i;
                    String id = clients.ec2().createSecurityGroup(r -> r.groupName(name).description("group " + name)
                            .vpcId(vpc).tagSpecifications(t -> t.resourceType(ResourceType.SECURITY_GROUP)
                                    .tags(tag("team", name)))).groupId();
                    clients.ec2().authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(IpPermission.builder()
                            .ipProtocol("tcp").fromPort(port).toPort(port).ipRanges(x -> x.cidrIp("10.0.0.0/8")).build()));
                    created.put(id, port);
                }
                Ec2SecurityGroups table = new Ec2SecurityGroups(5);
                Pages read = Pages.readAll(table, clients, new Scope(MotoClients.ACCOUNT, region));

                Map<String, Object[]> rows = byKey(table, read, "group_id");
                assertThat(rows.keySet()).containsAll(created.keySet());
                assertThat(read.pages).hasSize((rows.size() + 4) / 5);
                assertThat(read.pages.size()).isGreaterThan(1);
                for (Object[] row : rows.values()) {
                    String id = (String) Pages.value(table, row, "group_id");
                    assertThat(Pages.value(table, row, "account_id")).isEqualTo(MotoClients.ACCOUNT);
                    assertThat(Pages.value(table, row, "region")).isEqualTo(region);
                    assertThat(Pages.value(table, row, "arn"))
                            .isEqualTo("arn:aws:ec2:" + region + ":" + MotoClients.ACCOUNT + ":security-group/" + id);
                    assertThat(Pages.value(table, row, "owner_id")).isEqualTo(MotoClients.ACCOUNT);
                    if (!created.containsKey(id)) {
                        assertThat(Pages.value(table, row, "group_name")).as("a VPC's default group").isEqualTo("default");
                        continue;
                    }
                    String name = (String) Pages.value(table, row, "group_name");
                    int i = Integer.parseInt(name.substring(name.length() - 1));
                    assertThat(name).isEqualTo(region + "-sg" + i);
                    assertThat(Pages.value(table, row, "description")).isEqualTo("group " + name);
                    assertThat(Pages.value(table, row, "vpc_id")).isEqualTo(vpc);
                    assertThat(Json.parse((String) Pages.value(table, row, "tags"))).isEqualTo(Map.of("team", name));
                    List<?> ingress = (List<?>) Json.parse((String) Pages.value(table, row, "ip_permissions"));
                    assertThat(ingress).singleElement().satisfies(p -> {
                        Map<?, ?> rule = (Map<?, ?>) p;
                        assertThat(rule.get("IpProtocol")).isEqualTo("tcp");
                        assertThat(rule.get("FromPort")).isEqualTo((long) created.get(id));
                        assertThat(rule.get("ToPort")).isEqualTo((long) created.get(id));
                        assertThat((List<?>) rule.get("IpRanges")).singleElement()
                                .satisfies(x -> assertThat(((Map<?, ?>) x).get("CidrIp")).isEqualTo("10.0.0.0/8"));
                    });
                    assertThat((List<?>) Json.parse((String) Pages.value(table, row, "ip_permissions_egress"))).isNotEmpty();
                }
            }
        }
    }

    @Test
    void everyInstanceOfEachRegionOnceWithItsStateAndTags() {
        for (String region : List.of("ap-southeast-1", "eu-west-2")) {
            try (MotoClients clients = new MotoClients(moto, region)) {
                Map<String, Instance> created = new HashMap<>();
                for (int reservation = 0; reservation < 7; reservation++) {
                    int count = reservation % 2 + 1;
                    String name = region + "-r" + reservation;
                    clients.ec2().runInstances(r -> r.imageId("ami-12c6146b").minCount(count).maxCount(count)
                            .instanceType(InstanceType.T3_MICRO).tagSpecifications(t -> t.resourceType(ResourceType.INSTANCE)
                                    .tags(tag("Name", name)))).instances().forEach(i -> created.put(i.instanceId(), i));
                }
                String stopped = created.keySet().iterator().next();
                clients.ec2().stopInstances(r -> r.instanceIds(stopped));

                Ec2Instances table = new Ec2Instances(5);
                Pages read = Pages.readAll(table, clients, new Scope(MotoClients.ACCOUNT, region));

                assertThat(read.pages).hasSize(2); // 7 reservations (10 instances), moto pages 5 reservations
                Map<String, Object[]> rows = byKey(table, read, "instance_id");
                assertThat(rows.keySet()).isEqualTo(created.keySet());
                for (Map.Entry<String, Instance> e : created.entrySet()) {
                    Object[] row = rows.get(e.getKey());
                    Instance made = e.getValue();
                    assertThat(Pages.value(table, row, "account_id")).isEqualTo(MotoClients.ACCOUNT);
                    assertThat(Pages.value(table, row, "region")).isEqualTo(region);
                    assertThat(Pages.value(table, row, "arn"))
                            .isEqualTo("arn:aws:ec2:" + region + ":" + MotoClients.ACCOUNT + ":instance/" + e.getKey());
                    assertThat(Pages.value(table, row, "image_id")).isEqualTo("ami-12c6146b");
                    assertThat(Pages.value(table, row, "instance_type")).isEqualTo("t3.micro");
                    assertThat(Pages.value(table, row, "launch_time")).isEqualTo(made.launchTime());
                    assertThat(Pages.value(table, row, "ami_launch_index")).isEqualTo((long) made.amiLaunchIndex());
                    assertThat(Pages.value(table, row, "private_ip_address")).isEqualTo(made.privateIpAddress());
                    assertThat(Pages.value(table, row, "subnet_id")).isEqualTo(made.subnetId());
                    assertThat(Pages.value(table, row, "vpc_id")).isEqualTo(made.vpcId());
                    assertThat(Json.parse((String) Pages.value(table, row, "placement")))
                            .satisfies(p -> assertThat(((Map<?, ?>) p).get("AvailabilityZone")).asString().startsWith(region));
                    assertThat(((Map<?, ?>) Json.parse((String) Pages.value(table, row, "tags"))).get("Name"))
                            .asString().startsWith(region + "-r");
                    Map<?, ?> state = (Map<?, ?>) Json.parse((String) Pages.value(table, row, "state"));
                    if (e.getKey().equals(stopped)) {
                        assertThat(state.get("Name")).isEqualTo("stopped");
                        assertThat((Instant) Pages.value(table, row, "state_transition_reason_time"))
                                .isBetween(Instant.now().minusSeconds(600), Instant.now().plusSeconds(5));
                    } else {
                        assertThat(state.get("Name")).isEqualTo("running");
                        assertThat(state.get("Code")).isEqualTo(16L);
                    }
                    assertThat(Json.parse((String) Pages.value(table, row, "placement")))
                            .isEqualTo(Json.parse(SdkJson.of(made.placement())));
                }
                List<String> names = new ArrayList<>();
                read.rows.forEach(r -> names.add((String) ((Map<?, ?>) Json.parse((String) Pages.value(table, r, "tags"))).get("Name")));
                assertThat(names).hasSize(10).containsOnly(region + "-r0", region + "-r1", region + "-r2", region + "-r3",
                        region + "-r4", region + "-r5", region + "-r6");
            }
        }
    }

    @Test
    void stateTransitionReasonTimesAreRead() {
        assertThat(Ec2Instances.reasonTime("User initiated (2024-01-02 03:04:05 GMT)"))
                .isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(Ec2Instances.reasonTime("User initiated (2024-01-02 03:04:05 UTC)"))
                .isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(Ec2Instances.reasonTime("")).isNull();
        assertThat(Ec2Instances.reasonTime(null)).isNull();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static Map<String, Object[]> byKey(AwsTable table, Pages read, String column) {
        Map<String, Object[]> rows = new HashMap<>();
        for (Object[] row : read.rows) {
            assertThat(rows.put((String) Pages.value(table, row, column), row)).as(column + " once").isNull();
        }
        return rows;
    }
}
