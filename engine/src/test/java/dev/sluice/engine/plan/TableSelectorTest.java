package dev.sluice.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableSelectorTest {
    private static Table t(String name, Table... children) {
        return Table.of(name, "", List.of(Column.of("x", ColumnType.INT64))).withChildren(List.of(children));
    }

    private static final List<Table> ALL = List.of(
            t("aws_ec2_instances", t("aws_ec2_instance_tags", t("aws_ec2_instance_tag_history"))),
            t("aws_s3_buckets", t("aws_s3_bucket_policies")),
            t("gcp_projects"));

    private static List<String> names(List<Table> tables) {
        return tables.stream().flatMap(x -> x.flatten().stream()).map(Table::name).toList();
    }

    @Test
    void starSelectsEverythingIncludingChildren() {
        assertThat(names(TableSelector.select(ALL, List.of("*"), List.of(), true))).hasSize(6);
    }

    @Test
    void aParentAloneDoesNotBringChildrenWhenSkipDependentTables() {
        assertThat(names(TableSelector.select(ALL, List.of("aws_s3_buckets"), List.of(), true))).containsExactly("aws_s3_buckets");
        assertThat(names(TableSelector.select(ALL, List.of("aws_s3_buckets"), List.of(), false)))
                .containsExactly("aws_s3_buckets", "aws_s3_bucket_policies");
    }

    @Test
    void aSelectedChildBringsItsParents() {
        assertThat(names(TableSelector.select(ALL, List.of("aws_ec2_instance_tag_history"), List.of(), true)))
                .containsExactly("aws_ec2_instances", "aws_ec2_instance_tags", "aws_ec2_instance_tag_history");
    }

    @Test
    void skipTablesWinsAndTakesChildrenAlong() {
        assertThat(names(TableSelector.select(ALL, List.of("aws_*"), List.of("aws_ec2_instances"), false)))
                .containsExactly("aws_s3_buckets", "aws_s3_bucket_policies");
        assertThat(names(TableSelector.select(ALL, List.of("*"), List.of("*_tags"), true)))
                .containsExactly("aws_ec2_instances", "aws_s3_buckets", "aws_s3_bucket_policies", "gcp_projects");
    }

    @Test
    void globsAreLiteralExceptStarAndQuestionMark() {
        assertThat(TableSelector.glob("a.b*").matcher("a.bc").matches()).isTrue();
        assertThat(TableSelector.glob("a.b*").matcher("axbc").matches()).isFalse();
        assertThat(TableSelector.glob("gcp_project?").matcher("gcp_projects").matches()).isTrue();
    }

    @Test
    void aPatternMatchingNothingIsAnError() {
        assertThatThrownBy(() -> TableSelector.select(ALL, List.of("azure_*"), List.of(), true))
                .isInstanceOfSatisfying(TableSelector.NoMatchException.class, e -> assertThat(e.field()).isEqualTo("tables"))
                .hasMessageContaining("azure_*");
        assertThatThrownBy(() -> TableSelector.select(ALL, List.of("*"), List.of("nope"), true))
                .isInstanceOfSatisfying(TableSelector.NoMatchException.class, e -> assertThat(e.field()).isEqualTo("skip_tables"));
    }
}
