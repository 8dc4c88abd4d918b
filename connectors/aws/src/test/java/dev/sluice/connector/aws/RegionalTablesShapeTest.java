package dev.sluice.connector.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.spi.Column;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SQS, DynamoDB, Lambda, EC2 and RDS tables have CloudQuery's names, columns (in CloudQuery's order,
 * with CloudQuery's type names) and primary key, and are read per region.
 */
class RegionalTablesShapeTest {

    @Test
    void sqsQueuesAsCloudQueryHasThem() {
        assertShape(new SqsQueues(), "aws_sqs_queues", """
                account_id utf8, region utf8, arn utf8, policy json, redrive_policy json, redrive_allow_policy json,
                tags json, url utf8, approximate_number_of_messages int64, approximate_number_of_messages_delayed int64,
                approximate_number_of_messages_not_visible int64, created_timestamp int64, delay_seconds int64,
                last_modified_timestamp int64, maximum_message_size int64, message_retention_period int64,
                receive_message_wait_time_seconds int64, visibility_timeout int64, kms_master_key_id utf8,
                kms_data_key_reuse_period_seconds int64, sqs_managed_sse_enabled bool, fifo_queue bool,
                content_based_deduplication bool, deduplication_scope utf8, fifo_throughput_limit utf8,
                unknown_fields json""");
    }

    @Test
    void dynamodbTablesAsCloudQueryHasThem() {
        assertShape(new DynamoDbTables(), "aws_dynamodb_tables", """
                account_id utf8, region utf8, tags json, arn utf8, archival_summary json, attribute_definitions json,
                billing_mode_summary json, creation_date_time timestamp[us, tz=UTC], global_secondary_indexes json,
                global_table_version utf8, item_count int64, key_schema json, latest_stream_arn utf8,
                latest_stream_label utf8, local_secondary_indexes json, provisioned_throughput json, replicas json,
                restore_summary json, sse_description json, stream_specification json, table_arn utf8,
                table_class_summary json, table_id utf8, table_name utf8, table_size_bytes int64, table_status utf8""");
    }

    @Test
    void lambdaFunctionsAsCloudQueryHasThem() {
        assertShape(new LambdaFunctions(), "aws_lambda_functions", """
                account_id utf8, region utf8, arn utf8, policy_revision_id utf8, policy_document json,
                code_signing_config json, code_repository_type utf8, update_runtime_on utf8, runtime_version_arn utf8,
                code json, concurrency json, configuration json, tags json, result_metadata json""");
    }

    @Test
    void ec2InstancesAsCloudQueryHasThem() {
        assertShape(new Ec2Instances(), "aws_ec2_instances", """
                account_id utf8, region utf8, arn utf8, state_transition_reason_time timestamp[us, tz=UTC], tags json,
                ami_launch_index int64, architecture utf8, block_device_mappings json, boot_mode utf8,
                capacity_reservation_id utf8, capacity_reservation_specification json, client_token utf8,
                cpu_options json, current_instance_boot_mode utf8, ebs_optimized bool, elastic_gpu_associations json,
                elastic_inference_accelerator_associations json, ena_support bool, enclave_options json,
                hibernation_options json, hypervisor utf8, iam_instance_profile json, image_id utf8, instance_id utf8,
                instance_lifecycle utf8, instance_type utf8, ipv6_address utf8, kernel_id utf8, key_name utf8,
                launch_time timestamp[us, tz=UTC], licenses json, maintenance_options json, metadata_options json,
                monitoring json, network_interfaces json, outpost_arn utf8, placement json, platform utf8,
                platform_details utf8, private_dns_name utf8, private_dns_name_options json, private_ip_address utf8,
                product_codes json, public_dns_name utf8, public_ip_address utf8, ramdisk_id utf8,
                root_device_name utf8, root_device_type utf8, security_groups json, source_dest_check bool,
                spot_instance_request_id utf8, sriov_net_support utf8, state json, state_reason json,
                state_transition_reason utf8, subnet_id utf8, tpm_support utf8, usage_operation utf8,
                usage_operation_update_time timestamp[us, tz=UTC], virtualization_type utf8, vpc_id utf8""");
    }

    @Test
    void ec2SecurityGroupsAsCloudQueryHasThem() {
        assertShape(new Ec2SecurityGroups(), "aws_ec2_security_groups", """
                account_id utf8, region utf8, arn utf8, tags json, description utf8, group_id utf8, group_name utf8,
                ip_permissions json, ip_permissions_egress json, owner_id utf8, vpc_id utf8""");
    }

    @Test
    void ec2VpcsAsCloudQueryHasThem() {
        assertShape(new Ec2Vpcs(), "aws_ec2_vpcs", """
                account_id utf8, region utf8, arn utf8, tags json, cidr_block utf8, cidr_block_association_set json,
                dhcp_options_id utf8, instance_tenancy utf8, ipv6_cidr_block_association_set json, is_default bool,
                owner_id utf8, state utf8, vpc_id utf8""");
    }

    @Test
    void rdsInstancesAsCloudQueryHasThem() {
        assertShape(new RdsInstances(), "aws_rds_instances", """
                account_id utf8, region utf8, arn utf8, processor_features json, tags json,
                activity_stream_engine_native_audit_fields_included bool, activity_stream_kinesis_stream_name utf8,
                activity_stream_kms_key_id utf8, activity_stream_mode utf8, activity_stream_policy_status utf8,
                activity_stream_status utf8, allocated_storage int64, associated_roles json,
                auto_minor_version_upgrade bool, automatic_restart_time timestamp[us, tz=UTC], automation_mode utf8,
                availability_zone utf8, aws_backup_recovery_point_arn utf8, backup_retention_period int64,
                backup_target utf8, ca_certificate_identifier utf8, certificate_details json, character_set_name utf8,
                copy_tags_to_snapshot bool, custom_iam_instance_profile utf8, customer_owned_ip_enabled bool,
                db_cluster_identifier utf8, db_instance_arn utf8, db_instance_automated_backups_replications json,
                db_instance_class utf8, db_instance_identifier utf8, db_instance_status utf8, db_name utf8,
                db_parameter_groups json, db_security_groups json, db_subnet_group json, db_system_id utf8,
                db_instance_port int64, dbi_resource_id utf8, deletion_protection bool, domain_memberships json,
                enabled_cloudwatch_logs_exports list<item: utf8, nullable>, endpoint json, engine utf8,
                engine_version utf8, enhanced_monitoring_resource_arn utf8, iam_database_authentication_enabled bool,
                instance_create_time timestamp[us, tz=UTC], iops int64, kms_key_id utf8,
                latest_restorable_time timestamp[us, tz=UTC], license_model utf8, listener_endpoint json,
                master_user_secret json, master_username utf8, max_allocated_storage int64, monitoring_interval int64,
                monitoring_role_arn utf8, multi_az bool, nchar_character_set_name utf8, network_type utf8,
                option_group_memberships json, pending_modified_values json, performance_insights_enabled bool,
                performance_insights_kms_key_id utf8, performance_insights_retention_period int64,
                preferred_backup_window utf8, preferred_maintenance_window utf8, promotion_tier int64,
                publicly_accessible bool, read_replica_db_cluster_identifiers list<item: utf8, nullable>,
                read_replica_db_instance_identifiers list<item: utf8, nullable>,
                read_replica_source_db_cluster_identifier utf8, read_replica_source_db_instance_identifier utf8,
                replica_mode utf8, resume_full_automation_mode_time timestamp[us, tz=UTC],
                secondary_availability_zone utf8, status_infos json, storage_encrypted bool, storage_throughput int64,
                storage_type utf8, tde_credential_arn utf8, timezone utf8, vpc_security_groups json""");
    }

    @Test
    void ec2ArnsCarryTheRegionsPartition() {
        assertThat(Ec2Arns.of(new Scope("123456789012", "eu-west-1"), "vpc", "vpc-1"))
                .isEqualTo("arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-1");
        assertThat(Ec2Arns.of(new Scope("123456789012", "cn-north-1"), "instance", "i-1"))
                .isEqualTo("arn:aws-cn:ec2:cn-north-1:123456789012:instance/i-1");
        assertThat(Ec2Arns.partition("us-gov-west-1")).isEqualTo("aws-us-gov");
        assertThat(Ec2Arns.partition("xx-nowhere-9")).isEqualTo("aws");
    }

    @Test
    void theNewTablesAreRegistered() {
        assertThat(AwsTables.all()).extracting(t -> t.table().name()).contains(
                "aws_ec2_instances", "aws_ec2_security_groups", "aws_ec2_vpcs", "aws_rds_instances");
    }

    @Test
    void pageSizesStayWithinWhatEachServiceAccepts() {
        assertThatThrownBy(() -> new Ec2Instances(4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ec2SecurityGroups(1001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ec2Vpcs(4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RdsInstances(19)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RdsInstances(101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SqsQueues(1001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DynamoDbTables(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LambdaFunctions(51)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertShape(AwsTable table, String name, String columns) {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String c : columns.split(",\\s*(?![^\\[<]*[\\]>])")) {
            String[] parts = c.trim().split(" ", 2);
            expected.put(parts[0], parts[1]);
        }
        Map<String, String> actual = new LinkedHashMap<>();
        for (Column c : table.table().columns()) {
            actual.put(c.name(), c.type().displayName());
        }
        assertThat(table.table().name()).isEqualTo(name);
        assertThat(actual).containsExactlyEntriesOf(expected);
        assertThat(table.table().primaryKey()).isEqualTo(List.of("arn"));
        assertThat(table.global()).isFalse();
        assertThat(table.table().incremental()).isFalse();
    }
}
