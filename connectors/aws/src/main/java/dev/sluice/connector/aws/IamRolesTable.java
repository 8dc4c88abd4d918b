package dev.sluice.connector.aws;

import static dev.sluice.spi.ColumnType.INT64;
import static dev.sluice.spi.ColumnType.JSON;
import static dev.sluice.spi.ColumnType.STRING;
import static dev.sluice.spi.ColumnType.TIMESTAMP;

import dev.sluice.spi.Column;
import dev.sluice.spi.Table;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * {@code aws_iam_roles}, as CloudQuery's AWS plugin has it: IAM ListRoles a page at a time
 * (the token is IAM's marker), then GetRole per role for what the list leaves out (tags, last
 * use, permissions boundary). A role deleted between the two calls is left out.
 */
final class IamRolesTable implements AwsTable {
    static final String NAME = "aws_iam_roles";

    private static final Table TABLE = Table.of(NAME, "IAM roles (https://docs.aws.amazon.com/IAM/latest/APIReference/API_Role.html)",
            List.of(Column.primaryKey("account_id", STRING), Column.primaryKey("arn", STRING),
                    Column.of("assume_role_policy_document", JSON), Column.of("tags", JSON),
                    Column.of("create_date", TIMESTAMP), Column.of("path", STRING), Column.of("role_id", STRING),
                    Column.of("role_name", STRING), Column.of("description", STRING),
                    Column.of("max_session_duration", INT64), Column.of("permissions_boundary", JSON),
                    Column.of("role_last_used", JSON)));

    private final int maxItems;

    IamRolesTable() {
        this(100);
    }

    /** @param maxItems roles per page (IAM's MaxItems: 1 to 1000) */
    IamRolesTable(int maxItems) {
        this.maxItems = AwsPage.size("ListRoles", "roles", 1, 1000, maxItems);
    }

    @Override
    public Table table() {
        return TABLE;
    }

    @Override
    public boolean global() {
        return true;
    }

    @Override
    public AwsPage fetch(AwsClients clients, Scope scope, Optional<String> token) {
        ListRolesResponse page = clients.iam().listRoles(r -> r.maxItems(maxItems).marker(token.orElse(null)));
        List<Object[]> rows = new ArrayList<>();
        for (Role listed : page.roles()) {
            Role role;
            try {
                role = clients.iam().getRole(r -> r.roleName(listed.roleName())).role();
            } catch (NoSuchEntityException deleted) {
                continue;
            }
            rows.add(new Object[] {scope.accountId(), role.arn(), policyDocument(role.assumeRolePolicyDocument()),
                    SdkJson.tags(role.hasTags() ? role.tags() : List.of(), Tag::key, Tag::value), role.createDate(),
                    role.path(), role.roleId(), role.roleName(), role.description(),
                    role.maxSessionDuration() == null ? null : role.maxSessionDuration().longValue(),
                    SdkJson.of(role.permissionsBoundary()), SdkJson.of(role.roleLastUsed())});
        }
        return AwsPage.of(rows, Boolean.TRUE.equals(page.isTruncated()) ? page.marker() : null);
    }

    /** IAM returns policy documents URL-encoded; the column holds the JSON. */
    static String policyDocument(String encoded) {
        return encoded == null ? null : URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }
}
