package dev.sluice.functions.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one home of which AWS actions each function's code calls, and on what. Derived from the
 * SDK calls in infra/ and functions/ (SdkCallsTest keeps the two in step):
 * <ul>
 * <li>planner and API start runs: {@code RunStarter} looks the source's active run up by its lease
 *     (GetItem), {@code SourceLease.take} puts/gets the lease and reads the holder's run (PutItem,
 *     GetItem), {@code DynamoRunLedger.start} puts the run (PutItem) and {@code ItemWrites.putPlanned}
 *     its items (BatchWriteItem), {@code SqsWorkQueue.enqueue} sends them (SendMessageBatch, which IAM
 *     authorizes as sqs:SendMessage);</li>
 * <li>the API also lists recent runs (Query on the {@code recent} index) and reads one run (GetItem)
 *     and its items (Query on the table);</li>
 * <li>fetch claims, releases, advances, ends and counts items and pushes the lease (GetItem,
 *     UpdateItem on the runs table), reads and compare-and-sets cursors (GetItem, UpdateItem on the
 *     cursors table), continues and resends on the work queue and requests finalization on the
 *     finalize queue (SendMessage), hands messages back with a backoff ({@code Redelivery}:
 *     ChangeMessageVisibility), and its event source mapping polls the work queue with the
 *     function's role (ReceiveMessage, DeleteMessage, GetQueueAttributes);</li>
 * <li>the finalizer begins and completes runs (UpdateItem), reads items (Query on the table),
 *     abandons and counts pending items (GetItem, UpdateItem), releases the lease (DeleteItem),
 *     finds overdue runs (Query on the {@code recent} index), requests finalization of swept runs
 *     (SendMessage) and is polled from the finalize queue like fetch;</li>
 * <li>all four read the config ({@code ConfigLocation}: ssm:GetParameter or s3:GetObject), the
 *     database secret when one is set ({@code DatabaseSecret}: secretsmanager:GetSecretValue), write
 *     their own log group, and in a VPC let Lambda manage their network interfaces;</li>
 * <li>with the aws source ({@code AwsInventory} not none, {@link AwsInventory}): the planner and the
 *     API plan its partitions ({@code AccountRegions}: ec2:DescribeRegions when an account lists no
 *     regions), fetch reads every table (the managed policy, and with SecurityAudit the two Lambda
 *     reads it lacks), and those three assume the accounts' roles ({@code AwsConnections}:
 *     sts:AssumeRole on {@code AwsInventoryRoleArns}, nothing when empty). The finalizer only asks
 *     STS GetCallerIdentity (which needs no permission) or reads the number from the role ARN.</li>
 * <li>with an s3 destination ({@code DestinationBucket} set): the planner and the API write and
 *     delete the test_write probe when a run starts ({@code FileDestination.migrate}: PutObject,
 *     DeleteObject), fetch writes objects in single or multipart uploads and aborts the ones that
 *     fail ({@code S3Upload}: PutObject, CreateMultipartUpload, UploadPart, CompleteMultipartUpload
 *     (all authorized as s3:PutObject), AbortMultipartUpload), the finalizer writes the sync
 *     summary object (PutObject).</li>
 * </ul>
 */
public final class FunctionActions {
    /** What an action is granted on; CONFIG, SECRET and NETWORK exist only under their template condition. */
    public enum On { RUNS_TABLE, RECENT_INDEX, CURSORS_TABLE, WORK_QUEUE, FINALIZE_QUEUE, OWN_LOG_GROUP, CONFIG, SECRET, NETWORK,
        /** {@code *}: EC2 authorizes DescribeRegions on nothing narrower. */
        EVERYTHING,
        /** Each of AwsInventoryRoleArns. */
        ASSUMED_ROLES,
        /** This account's Lambda functions and code-signing configs (other accounts are read through their roles). */
        OWN_LAMBDA_FUNCTIONS, OWN_CODE_SIGNING_CONFIGS,
        /** Every object of DestinationBucket. */
        DESTINATION_OBJECTS,
        /** DestinationBucket's test_write probe objects ({@code *sluice-write-probe-*}). */
        WRITE_PROBES }

    public record Grant(String action, On on) {
    }

    /** Lambda's SQS event source mapping polls with the function's role. */
    public static final List<String> POLLER = List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes");
    /** What Lambda does with a function's role when the function is in a VPC (AWSLambdaVPCAccessExecutionRole's ec2 part). */
    public static final List<String> NETWORK_INTERFACES = List.of("ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces",
            "ec2:DescribeSubnets", "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses");

    private static final Map<String, List<Grant>> CODE = Map.of(
            "PlannerFunction", List.of(
                    new Grant("dynamodb:GetItem", On.RUNS_TABLE), new Grant("dynamodb:PutItem", On.RUNS_TABLE),
                    new Grant("dynamodb:BatchWriteItem", On.RUNS_TABLE), new Grant("sqs:SendMessage", On.WORK_QUEUE)),
            "ApiFunction", List.of(
                    new Grant("dynamodb:GetItem", On.RUNS_TABLE), new Grant("dynamodb:PutItem", On.RUNS_TABLE),
                    new Grant("dynamodb:BatchWriteItem", On.RUNS_TABLE), new Grant("dynamodb:Query", On.RUNS_TABLE),
                    new Grant("dynamodb:Query", On.RECENT_INDEX), new Grant("sqs:SendMessage", On.WORK_QUEUE)),
            "FetchFunction", List.of(
                    new Grant("dynamodb:GetItem", On.RUNS_TABLE), new Grant("dynamodb:UpdateItem", On.RUNS_TABLE),
                    new Grant("dynamodb:GetItem", On.CURSORS_TABLE), new Grant("dynamodb:UpdateItem", On.CURSORS_TABLE),
                    new Grant("sqs:SendMessage", On.WORK_QUEUE), new Grant("sqs:ChangeMessageVisibility", On.WORK_QUEUE),
                    new Grant("sqs:SendMessage", On.FINALIZE_QUEUE)),
            "FinalizerFunction", List.of(
                    new Grant("dynamodb:GetItem", On.RUNS_TABLE), new Grant("dynamodb:UpdateItem", On.RUNS_TABLE),
                    new Grant("dynamodb:DeleteItem", On.RUNS_TABLE), new Grant("dynamodb:Query", On.RUNS_TABLE),
                    new Grant("dynamodb:Query", On.RECENT_INDEX), new Grant("sqs:SendMessage", On.FINALIZE_QUEUE)));

    /** The queue a function's event source mapping polls, if any. */
    private static final Map<String, On> POLLED = Map.of("FetchFunction", On.WORK_QUEUE, "FinalizerFunction", On.FINALIZE_QUEUE);

    /** The AwsInventory and AwsInventoryRoleArns parameters: the managed policy (none, SecurityAudit, ReadOnlyAccess) and the roles. */
    public record AwsInventory(String policy, List<String> roleArns) {
        public static final AwsInventory NONE = new AwsInventory("none", List.of());

        public boolean enabled() {
            return !policy.equals("none");
        }

        /** What the function's role must attach: the managed policy for fetch, when enabled. */
        public List<String> managedPolicies(String function) {
            return enabled() && function.equals("FetchFunction") ? List.of("arn:aws:iam::aws:policy/" + policy) : List.of();
        }
    }

    /** Where the config lives, as the ConfigLocation parameter names it. */
    public enum ConfigKind { SSM, S3, PACKAGE }

    private FunctionActions() {
    }

    public static List<String> functions() {
        return List.of("PlannerFunction", "ApiFunction", "FetchFunction", "FinalizerFunction");
    }

    /** The actions {@code function}'s own code calls (no poller, logs, config, secret or network). */
    public static List<Grant> code(String function) {
        List<Grant> g = CODE.get(function);
        if (g == null) {
            throw new IllegalArgumentException("no function " + function + "; functions: " + functions());
        }
        return g;
    }

    /** Everything {@code function}'s role must grant, and nothing more, in a deployment with these choices. */
    public static List<Grant> role(String function, ConfigKind config, boolean secret, boolean vpc) {
        return role(function, config, secret, vpc, AwsInventory.NONE);
    }

    /** The same, with the aws source's access as the AwsInventory parameters set it (managed policies apart). */
    public static List<Grant> role(String function, ConfigKind config, boolean secret, boolean vpc, AwsInventory aws) {
        return role(function, config, secret, vpc, aws, false);
    }

    /** The same, with an s3 destination's writes when DestinationBucket is set. */
    public static List<Grant> role(String function, ConfigKind config, boolean secret, boolean vpc, AwsInventory aws,
                                   boolean destinationBucket) {
        List<Grant> out = new ArrayList<>(code(function));
        if (destinationBucket) {
            switch (function) {
                case "PlannerFunction", "ApiFunction" -> {
                    out.add(new Grant("s3:PutObject", On.WRITE_PROBES));
                    out.add(new Grant("s3:DeleteObject", On.WRITE_PROBES));
                }
                case "FetchFunction" -> {
                    out.add(new Grant("s3:PutObject", On.DESTINATION_OBJECTS));
                    out.add(new Grant("s3:AbortMultipartUpload", On.DESTINATION_OBJECTS));
                }
                default -> out.add(new Grant("s3:PutObject", On.DESTINATION_OBJECTS));
            }
        }
        On polled = POLLED.get(function);
        if (polled != null) {
            POLLER.forEach(a -> out.add(new Grant(a, polled)));
        }
        out.add(new Grant("logs:CreateLogStream", On.OWN_LOG_GROUP));
        out.add(new Grant("logs:PutLogEvents", On.OWN_LOG_GROUP));
        switch (config) {
            case SSM -> out.add(new Grant("ssm:GetParameter", On.CONFIG));
            case S3 -> out.add(new Grant("s3:GetObject", On.CONFIG));
            case PACKAGE -> { }
        }
        if (secret) {
            out.add(new Grant("secretsmanager:GetSecretValue", On.SECRET));
        }
        if (vpc) {
            NETWORK_INTERFACES.forEach(a -> out.add(new Grant(a, On.NETWORK)));
        }
        if (aws.enabled()) {
            boolean plans = function.equals("PlannerFunction") || function.equals("ApiFunction");
            if (plans) {
                out.add(new Grant("ec2:DescribeRegions", On.EVERYTHING));
            }
            if (function.equals("FetchFunction") && aws.policy().equals("SecurityAudit")) {
                for (String a : List.of("lambda:GetFunction", "lambda:GetCodeSigningConfig")) {
                    out.add(new Grant(a, On.OWN_LAMBDA_FUNCTIONS));
                    out.add(new Grant(a, On.OWN_CODE_SIGNING_CONFIGS));
                }
            }
            if ((plans || function.equals("FetchFunction")) && !aws.roleArns().isEmpty()) {
                out.add(new Grant("sts:AssumeRole", On.ASSUMED_ROLES));
            }
        }
        return out;
    }
}
