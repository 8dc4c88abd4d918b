package dev.sluice.connector.aws;

import static dev.sluice.spi.ColumnType.JSON;
import static dev.sluice.spi.ColumnType.STRING;
import static dev.sluice.spi.ColumnType.TIMESTAMP;

import dev.sluice.spi.Column;
import dev.sluice.spi.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

/**
 * {@code aws_iam_users}, as CloudQuery's AWS plugin has it: IAM ListUsers a page at a time (the
 * token is IAM's marker), then GetUser per user for its tags and permissions boundary, which the
 * list leaves out. A user deleted between the two calls is left out.
 */
final class IamUsersTable implements AwsTable {
    static final String NAME = "aws_iam_users";

    private static final Table TABLE = Table.of(NAME, "IAM users (https://docs.aws.amazon.com/IAM/latest/APIReference/API_User.html)",
            List.of(Column.primaryKey("account_id", STRING), Column.primaryKey("arn", STRING), Column.of("tags", JSON),
                    Column.of("create_date", TIMESTAMP), Column.of("path", STRING), Column.of("user_id", STRING),
                    Column.of("user_name", STRING), Column.of("password_last_used", TIMESTAMP),
                    Column.of("permissions_boundary", JSON)));

    private final int maxItems;

    IamUsersTable() {
        this(100);
    }

    /** @param maxItems users per page (IAM's MaxItems: 1 to 1000) */
    IamUsersTable(int maxItems) {
        this.maxItems = AwsPage.size("ListUsers", "users", 1, 1000, maxItems);
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
        ListUsersResponse page = clients.iam().listUsers(r -> r.maxItems(maxItems).marker(token.orElse(null)));
        List<Object[]> rows = new ArrayList<>();
        for (User listed : page.users()) {
            User user;
            try {
                user = clients.iam().getUser(r -> r.userName(listed.userName())).user();
            } catch (NoSuchEntityException deleted) {
                continue;
            }
            rows.add(new Object[] {scope.accountId(), user.arn(),
                    SdkJson.tags(user.hasTags() ? user.tags() : List.of(), Tag::key, Tag::value), user.createDate(),
                    user.path(), user.userId(), user.userName(), user.passwordLastUsed(),
                    SdkJson.of(user.permissionsBoundary())});
        }
        return AwsPage.of(rows, Boolean.TRUE.equals(page.isTruncated()) ? page.marker() : null);
    }
}
