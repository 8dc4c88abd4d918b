package dev.sluice.connector.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.RestoreSummary;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** SDK structures become JSON keyed by the service's member names, as CloudQuery's json columns hold them. */
class SdkJsonTest {

    @Test
    void structuresUseTheServiceMemberNamesAndLeaveOutWhatWasNotReturned() {
        assertThat(SdkJson.of(List.of(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())))
                .isEqualTo("[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}]");
        assertThat(SdkJson.of(RestoreSummary.builder().restoreInProgress(false)
                .restoreDateTime(Instant.parse("2024-01-02T03:04:05.123Z")).build()))
                .isEqualTo("{\"RestoreDateTime\":\"2024-01-02T03:04:05.123Z\",\"RestoreInProgress\":false}");
    }

    @Test
    void absentValuesAreNullAndTagsAnObjectInKeyOrder() {
        TableDescription empty = TableDescription.builder().build();
        assertThat(SdkJson.of(empty.globalSecondaryIndexes())).isNull();
        assertThat(SdkJson.of(empty.archivalSummary())).isNull();
        assertThat(SdkJson.tags(Map.of("b", "2", "a", "\"1\""))).isEqualTo("{\"a\":\"\\\"1\\\"\",\"b\":\"2\"}");
        assertThat(SdkJson.tags(null)).isEqualTo("{}");
    }
}
