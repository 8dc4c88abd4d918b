package dev.sluice.connector.aws;

import static dev.sluice.spi.ColumnType.JSON;
import static dev.sluice.spi.ColumnType.STRING;

import dev.sluice.spi.Column;
import dev.sluice.spi.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CodeSigningConfig;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.GetPolicyResponse;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * {@code aws_lambda_functions}, as CloudQuery's AWS plugin (v2 and later) has it: one row per
 * function, GetFunction's {@code configuration}, {@code code}, {@code concurrency} and tags as
 * json, the resource policy and the code-signing configuration. A page is one ListFunctions page;
 * each function then costs a GetFunction, a GetPolicy and a GetFunctionCodeSigningConfig call
 * (and a GetCodeSigningConfig where one is attached).
 *
 * <p>Like CloudQuery, {@code configuration} keeps {@code Environment.Variables} as Lambda returns
 * them, values included: whoever can read the destination can read them, as whoever has
 * {@code lambda:GetFunction} can in AWS.
 */
final class LambdaFunctions implements AwsTable {
    /** The most functions ListFunctions returns in one page. */
    static final int MAX_PAGE = 50;

    private static final Table TABLE = Table.of("aws_lambda_functions", "AWS Lambda functions "
            + "(https://docs.aws.amazon.com/lambda/latest/dg/API_GetFunction.html)", List.of(
            Column.of("account_id", STRING), Column.of("region", STRING), Column.primaryKey("arn", STRING),
            Column.of("policy_revision_id", STRING), Column.of("policy_document", JSON),
            Column.of("code_signing_config", JSON), Column.of("code_repository_type", STRING),
            Column.of("update_runtime_on", STRING), Column.of("runtime_version_arn", STRING),
            Column.of("code", JSON), Column.of("concurrency", JSON), Column.of("configuration", JSON),
            Column.of("tags", JSON), Column.of("result_metadata", JSON)));

    private final int pageSize;

    LambdaFunctions() {
        this(MAX_PAGE);
    }

    LambdaFunctions(int pageSize) {
        this.pageSize = AwsPage.size("ListFunctions", "functions", 1, MAX_PAGE, pageSize);
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
        LambdaClient lambda = clients.lambda();
        ListFunctionsResponse page = lambda.listFunctions(r -> r.maxItems(pageSize).marker(token.orElse(null)));
        List<Object[]> rows = new ArrayList<>();
        for (FunctionConfiguration listed : page.functions()) {
            try {
                rows.add(row(lambda, scope, listed.functionArn()));
            } catch (ResourceNotFoundException deletedSinceListed) {
                // gone between ListFunctions and now: not part of the inventory any more
            }
        }
        return AwsPage.of(rows, page.nextMarker());
    }

    private static Object[] row(LambdaClient lambda, Scope scope, String arn) {
        GetFunctionResponse fn = lambda.getFunction(r -> r.functionName(arn));
        Optional<GetPolicyResponse> policy = policy(lambda, arn);
        return new Object[] {
            scope.accountId(), scope.region(), fn.configuration().functionArn(),
            policy.map(GetPolicyResponse::revisionId).orElse(null), policy.map(GetPolicyResponse::policy).orElse(null),
            codeSigning(lambda, arn).map(SdkJson::of).orElse(null),
            fn.code() == null ? null : fn.code().repositoryType(),
            null, null, // GetRuntimeManagementConfig's fields: not read yet
            SdkJson.of(fn.code()), SdkJson.of(fn.concurrency()), SdkJson.of(fn.configuration()),
            SdkJson.tags(fn.tags()), null // CloudQuery's Go SDK response metadata has no counterpart here
        };
    }

    /** The function's resource policy; none is attached when Lambda answers ResourceNotFound. */
    private static Optional<GetPolicyResponse> policy(LambdaClient lambda, String arn) {
        try {
            return Optional.of(lambda.getPolicy(r -> r.functionName(arn)));
        } catch (ResourceNotFoundException noPolicy) {
            return Optional.empty();
        }
    }

    private static Optional<CodeSigningConfig> codeSigning(LambdaClient lambda, String arn) {
        String configArn = lambda.getFunctionCodeSigningConfig(r -> r.functionName(arn)).codeSigningConfigArn();
        if (configArn == null || configArn.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(lambda.getCodeSigningConfig(r -> r.codeSigningConfigArn(configArn)).codeSigningConfig());
    }
}
