package dev.sluice.connector.aws;

import static dev.sluice.spi.ColumnType.BOOL;
import static dev.sluice.spi.ColumnType.INT64;
import static dev.sluice.spi.ColumnType.JSON;
import static dev.sluice.spi.ColumnType.STRING;
import static dev.sluice.spi.ColumnType.STRING_LIST;
import static dev.sluice.spi.ColumnType.TIMESTAMP;

import dev.sluice.spi.Column;
import dev.sluice.spi.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.rds.model.ProcessorFeature;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * {@code aws_rds_instances}, as CloudQuery has it: one row per DB instance of
 * DescribeDBInstances, nested structures as json, the identifier lists as lists of strings, the
 * instance's {@code TagList} as the tags object and its processor features as one object of name
 * to value. A page is one DescribeDBInstances page (Marker, MaxRecords).
 */
final class RdsInstances implements AwsTable {
    /** DescribeDBInstances' MaxRecords bounds. */
    static final int MIN_PAGE = 20;
    static final int MAX_PAGE = 100;

    private static final Table TABLE = Table.of("aws_rds_instances", "Amazon RDS DB instances "
            + "(https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DBInstance.html)", List.of(
            Column.of("account_id", STRING), Column.of("region", STRING), Column.primaryKey("arn", STRING),
            Column.of("processor_features", JSON), Column.of("tags", JSON),
            Column.of("activity_stream_engine_native_audit_fields_included", BOOL),
            Column.of("activity_stream_kinesis_stream_name", STRING), Column.of("activity_stream_kms_key_id", STRING),
            Column.of("activity_stream_mode", STRING), Column.of("activity_stream_policy_status", STRING),
            Column.of("activity_stream_status", STRING), Column.of("allocated_storage", INT64),
            Column.of("associated_roles", JSON), Column.of("auto_minor_version_upgrade", BOOL),
            Column.of("automatic_restart_time", TIMESTAMP), Column.of("automation_mode", STRING),
            Column.of("availability_zone", STRING), Column.of("aws_backup_recovery_point_arn", STRING),
            Column.of("backup_retention_period", INT64), Column.of("backup_target", STRING),
            Column.of("ca_certificate_identifier", STRING), Column.of("certificate_details", JSON),
            Column.of("character_set_name", STRING), Column.of("copy_tags_to_snapshot", BOOL),
            Column.of("custom_iam_instance_profile", STRING), Column.of("customer_owned_ip_enabled", BOOL),
            Column.of("db_cluster_identifier", STRING), Column.of("db_instance_arn", STRING),
            Column.of("db_instance_automated_backups_replications", JSON), Column.of("db_instance_class", STRING),
            Column.of("db_instance_identifier", STRING), Column.of("db_instance_status", STRING),
            Column.of("db_name", STRING), Column.of("db_parameter_groups", JSON), Column.of("db_security_groups", JSON),
            Column.of("db_subnet_group", JSON), Column.of("db_system_id", STRING), Column.of("db_instance_port", INT64),
            Column.of("dbi_resource_id", STRING), Column.of("deletion_protection", BOOL),
            Column.of("domain_memberships", JSON), Column.of("enabled_cloudwatch_logs_exports", STRING_LIST),
            Column.of("endpoint", JSON), Column.of("engine", STRING), Column.of("engine_version", STRING),
            Column.of("enhanced_monitoring_resource_arn", STRING), Column.of("iam_database_authentication_enabled", BOOL),
            Column.of("instance_create_time", TIMESTAMP), Column.of("iops", INT64), Column.of("kms_key_id", STRING),
            Column.of("latest_restorable_time", TIMESTAMP), Column.of("license_model", STRING),
            Column.of("listener_endpoint", JSON), Column.of("master_user_secret", JSON),
            Column.of("master_username", STRING), Column.of("max_allocated_storage", INT64),
            Column.of("monitoring_interval", INT64), Column.of("monitoring_role_arn", STRING),
            Column.of("multi_az", BOOL), Column.of("nchar_character_set_name", STRING),
            Column.of("network_type", STRING), Column.of("option_group_memberships", JSON),
            Column.of("pending_modified_values", JSON), Column.of("performance_insights_enabled", BOOL),
            Column.of("performance_insights_kms_key_id", STRING),
            Column.of("performance_insights_retention_period", INT64), Column.of("preferred_backup_window", STRING),
            Column.of("preferred_maintenance_window", STRING), Column.of("promotion_tier", INT64),
            Column.of("publicly_accessible", BOOL), Column.of("read_replica_db_cluster_identifiers", STRING_LIST),
            Column.of("read_replica_db_instance_identifiers", STRING_LIST),
            Column.of("read_replica_source_db_cluster_identifier", STRING),
            Column.of("read_replica_source_db_instance_identifier", STRING), Column.of("replica_mode", STRING),
            Column.of("resume_full_automation_mode_time", TIMESTAMP), Column.of("secondary_availability_zone", STRING),
            Column.of("status_infos", JSON), Column.of("storage_encrypted", BOOL), Column.of("storage_throughput", INT64),
            Column.of("storage_type", STRING), Column.of("tde_credential_arn", STRING), Column.of("timezone", STRING),
            Column.of("vpc_security_groups", JSON)));

    private final int pageSize;

    RdsInstances() {
        this(MAX_PAGE);
    }

    RdsInstances(int pageSize) {
        this.pageSize = AwsPage.size("DescribeDBInstances", "instances", MIN_PAGE, MAX_PAGE, pageSize);
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
        DescribeDbInstancesResponse page = clients.rds().describeDBInstances(
                r -> r.maxRecords(pageSize).marker(token.orElse(null)));
        List<Object[]> rows = new ArrayList<>();
        for (DBInstance i : page.dbInstances()) {
            rows.add(row(scope, i));
        }
        return AwsPage.of(rows, page.marker());
    }

    private static Object[] row(Scope scope, DBInstance i) {
        return new Object[] {
            scope.accountId(), scope.region(), i.dbInstanceArn(),
            SdkJson.tags(i.processorFeatures(), ProcessorFeature::name, ProcessorFeature::value),
            SdkJson.tags(i.tagList(), Tag::key, Tag::value),
            i.activityStreamEngineNativeAuditFieldsIncluded(), i.activityStreamKinesisStreamName(),
            i.activityStreamKmsKeyId(), i.activityStreamModeAsString(), i.activityStreamPolicyStatusAsString(),
            i.activityStreamStatusAsString(), SdkValues.int64(i.allocatedStorage()), SdkJson.of(i.associatedRoles()),
            i.autoMinorVersionUpgrade(), i.automaticRestartTime(), i.automationModeAsString(), i.availabilityZone(),
            i.awsBackupRecoveryPointArn(), SdkValues.int64(i.backupRetentionPeriod()), i.backupTarget(),
            i.caCertificateIdentifier(), SdkJson.of(i.certificateDetails()), i.characterSetName(),
            i.copyTagsToSnapshot(), i.customIamInstanceProfile(), i.customerOwnedIpEnabled(), i.dbClusterIdentifier(),
            i.dbInstanceArn(), SdkJson.of(i.dbInstanceAutomatedBackupsReplications()), i.dbInstanceClass(),
            i.dbInstanceIdentifier(), i.dbInstanceStatus(), i.dbName(), SdkJson.of(i.dbParameterGroups()),
            SdkJson.of(i.dbSecurityGroups()), SdkJson.of(i.dbSubnetGroup()), i.dbSystemId(),
            SdkValues.int64(i.dbInstancePort()), i.dbiResourceId(), i.deletionProtection(),
            SdkJson.of(i.domainMemberships()), SdkValues.strings(i.enabledCloudwatchLogsExports()),
            SdkJson.of(i.endpoint()), i.engine(), i.engineVersion(), i.enhancedMonitoringResourceArn(),
            i.iamDatabaseAuthenticationEnabled(), i.instanceCreateTime(), SdkValues.int64(i.iops()), i.kmsKeyId(),
            i.latestRestorableTime(), i.licenseModel(), SdkJson.of(i.listenerEndpoint()),
            SdkJson.of(i.masterUserSecret()), i.masterUsername(), SdkValues.int64(i.maxAllocatedStorage()),
            SdkValues.int64(i.monitoringInterval()), i.monitoringRoleArn(), i.multiAZ(), i.ncharCharacterSetName(),
            i.networkType(), SdkJson.of(i.optionGroupMemberships()), SdkJson.of(i.pendingModifiedValues()),
            i.performanceInsightsEnabled(), i.performanceInsightsKMSKeyId(),
            SdkValues.int64(i.performanceInsightsRetentionPeriod()), i.preferredBackupWindow(),
            i.preferredMaintenanceWindow(), SdkValues.int64(i.promotionTier()), i.publiclyAccessible(),
            SdkValues.strings(i.readReplicaDBClusterIdentifiers()),
            SdkValues.strings(i.readReplicaDBInstanceIdentifiers()), i.readReplicaSourceDBClusterIdentifier(),
            i.readReplicaSourceDBInstanceIdentifier(), i.replicaModeAsString(), i.resumeFullAutomationModeTime(),
            i.secondaryAvailabilityZone(), SdkJson.of(i.statusInfos()), i.storageEncrypted(),
            SdkValues.int64(i.storageThroughput()), i.storageType(), i.tdeCredentialArn(), i.timezone(),
            SdkJson.of(i.vpcSecurityGroups())
        };
    }
}
