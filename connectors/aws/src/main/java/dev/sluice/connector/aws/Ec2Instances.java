package dev.sluice.connector.aws;

import static dev.sluice.spi.ColumnType.BOOL;
import static dev.sluice.spi.ColumnType.INT64;
import static dev.sluice.spi.ColumnType.JSON;
import static dev.sluice.spi.ColumnType.STRING;
import static dev.sluice.spi.ColumnType.TIMESTAMP;

import dev.sluice.spi.Column;
import dev.sluice.spi.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * {@code aws_ec2_instances}, as CloudQuery has it: one row per instance of DescribeInstances,
 * nested structures as json, the ARN built as {@code arn:<partition>:ec2:<region>:<account>:instance/<id>},
 * and {@code state_transition_reason_time} read from the reason's text
 * ({@code User initiated (2024-01-02 03:04:05 GMT)}; emulators write UTC). A page is one
 * DescribeInstances page.
 */
final class Ec2Instances implements AwsTable {
    /** DescribeInstances' MaxResults bounds. */
    static final int MIN_PAGE = 5;
    static final int MAX_PAGE = 1000;

    private static final Pattern REASON_TIME = Pattern.compile("\\((\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}) (GMT|UTC)\\)");
    private static final DateTimeFormatter REASON_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final Table TABLE = Table.of("aws_ec2_instances", "Amazon EC2 instances "
            + "(https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Instance.html)", List.of(
            Column.of("account_id", STRING), Column.of("region", STRING), Column.primaryKey("arn", STRING),
            Column.of("state_transition_reason_time", TIMESTAMP), Column.of("tags", JSON),
            Column.of("ami_launch_index", INT64), Column.of("architecture", STRING),
            Column.of("block_device_mappings", JSON), Column.of("boot_mode", STRING),
            Column.of("capacity_reservation_id", STRING), Column.of("capacity_reservation_specification", JSON),
            Column.of("client_token", STRING), Column.of("cpu_options", JSON),
            Column.of("current_instance_boot_mode", STRING), Column.of("ebs_optimized", BOOL),
            Column.of("elastic_gpu_associations", JSON), Column.of("elastic_inference_accelerator_associations", JSON),
            Column.of("ena_support", BOOL), Column.of("enclave_options", JSON), Column.of("hibernation_options", JSON),
            Column.of("hypervisor", STRING), Column.of("iam_instance_profile", JSON), Column.of("image_id", STRING),
            Column.of("instance_id", STRING), Column.of("instance_lifecycle", STRING),
            Column.of("instance_type", STRING), Column.of("ipv6_address", STRING), Column.of("kernel_id", STRING),
            Column.of("key_name", STRING), Column.of("launch_time", TIMESTAMP), Column.of("licenses", JSON),
            Column.of("maintenance_options", JSON), Column.of("metadata_options", JSON), Column.of("monitoring", JSON),
            Column.of("network_interfaces", JSON), Column.of("outpost_arn", STRING), Column.of("placement", JSON),
            Column.of("platform", STRING), Column.of("platform_details", STRING), Column.of("private_dns_name", STRING),
            Column.of("private_dns_name_options", JSON), Column.of("private_ip_address", STRING),
            Column.of("product_codes", JSON), Column.of("public_dns_name", STRING),
            Column.of("public_ip_address", STRING), Column.of("ramdisk_id", STRING),
            Column.of("root_device_name", STRING), Column.of("root_device_type", STRING),
            Column.of("security_groups", JSON), Column.of("source_dest_check", BOOL),
            Column.of("spot_instance_request_id", STRING), Column.of("sriov_net_support", STRING),
            Column.of("state", JSON), Column.of("state_reason", JSON), Column.of("state_transition_reason", STRING),
            Column.of("subnet_id", STRING), Column.of("tpm_support", STRING), Column.of("usage_operation", STRING),
            Column.of("usage_operation_update_time", TIMESTAMP), Column.of("virtualization_type", STRING),
            Column.of("vpc_id", STRING)));

    private final int pageSize;

    Ec2Instances() {
        this(MAX_PAGE);
    }

    Ec2Instances(int pageSize) {
        this.pageSize = AwsPage.size("DescribeInstances", "instances", MIN_PAGE, MAX_PAGE, pageSize);
    }

    @Override
    public Table table() {
        return TABLE;
    }

    @Override
    public boolean global() {
        return false;
    }

    @Override
    public AwsPage fetch(AwsClients clients, Scope scope, Optional<String> token) {
        DescribeInstancesResponse page = clients.ec2().describeInstances(
                r -> r.maxResults(pageSize).nextToken(token.orElse(null)));
        List<Object[]> rows = new ArrayList<>();
        for (Reservation reservation : page.reservations()) {
            for (Instance instance : reservation.instances()) {
                rows.add(row(scope, instance));
            }
        }
        return AwsPage.of(rows, page.nextToken());
    }

    /** The time in a state transition reason such as {@code User initiated (2024-01-02 03:04:05 GMT)}. */
    static Instant reasonTime(String reason) {
        if (reason == null) {
            return null;
        }
        Matcher m = REASON_TIME.matcher(reason);
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDateTime.parse(m.group(1), REASON_FORMAT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notATime) {
            return null;
        }
    }

    private static Object[] row(Scope scope, Instance i) {
        return new Object[] {
            scope.accountId(), scope.region(), Ec2Arns.of(scope, "instance", i.instanceId()),
            reasonTime(i.stateTransitionReason()), SdkJson.tags(i.tags(), Tag::key, Tag::value),
            SdkValues.int64(i.amiLaunchIndex()), i.architectureAsString(), SdkJson.of(i.blockDeviceMappings()),
            i.bootModeAsString(), i.capacityReservationId(), SdkJson.of(i.capacityReservationSpecification()),
            i.clientToken(), SdkJson.of(i.cpuOptions()), i.currentInstanceBootModeAsString(), i.ebsOptimized(),
            SdkJson.of(i.elasticGpuAssociations()), SdkJson.of(i.elasticInferenceAcceleratorAssociations()),
            i.enaSupport(), SdkJson.of(i.enclaveOptions()), SdkJson.of(i.hibernationOptions()),
            i.hypervisorAsString(), SdkJson.of(i.iamInstanceProfile()), i.imageId(), i.instanceId(),
            i.instanceLifecycleAsString(), i.instanceTypeAsString(), i.ipv6Address(), i.kernelId(), i.keyName(),
            i.launchTime(), SdkJson.of(i.licenses()), SdkJson.of(i.maintenanceOptions()),
            SdkJson.of(i.metadataOptions()), SdkJson.of(i.monitoring()), SdkJson.of(i.networkInterfaces()),
            i.outpostArn(), SdkJson.of(i.placement()), i.platformAsString(), i.platformDetails(), i.privateDnsName(),
            SdkJson.of(i.privateDnsNameOptions()), i.privateIpAddress(), SdkJson.of(i.productCodes()),
            i.publicDnsName(), i.publicIpAddress(), i.ramdiskId(), i.rootDeviceName(), i.rootDeviceTypeAsString(),
            SdkJson.of(i.securityGroups()), i.sourceDestCheck(), i.spotInstanceRequestId(), i.sriovNetSupport(),
            SdkJson.of(i.state()), SdkJson.of(i.stateReason()), i.stateTransitionReason(), i.subnetId(),
            i.tpmSupport(), i.usageOperation(), i.usageOperationUpdateTime(), i.virtualizationTypeAsString(),
            i.vpcId()
        };
    }
}
