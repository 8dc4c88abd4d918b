package dev.sluice.connector.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowDiffTest {
    private static final List<String> COLUMNS = List.of("id", "name", "note");

    private static List<String> row(String... values) {
        return Arrays.asList(values);
    }

    @Test
    void equalRowsHaveNoDifference() {
        List<List<String>> rows = List.of(row("1", "a", null), row("2", "b", "x"));
        assertThat(RowDiff.of("t", COLUMNS, List.of(0), rows, rows)).isEmpty();
    }

    @Test
    void aChangedValueIsNamedByColumnAndKey() {
        assertThat(RowDiff.of("t", COLUMNS, List.of(0), List.of(row("1", "a", null), row("2", "b", "x"), row("3", "c", "y")),
                List.of(row("1", "a", ""), row("2", "B", "x"), row("3", "C", "y"))))
                .containsExactly("t.name: 2 of 3 rows differ (paired by key), first at key (id='2'): source 'b', destination 'B'",
                        "t.note: 1 of 3 rows differ (paired by key), first at key (id='1'): source NULL, destination ''");
    }

    @Test
    void missingAndExtraRowsAreCountedAndTheOthersStillCompared() {
        assertThat(RowDiff.of("t", COLUMNS, List.of(0), List.of(row("1", "a", null), row("2", "b", null)),
                List.of(row("2", "b!", null), row("3", "c", null), row("4", "d", null))))
                .containsExactly("t: 2 rows in the source, 3 in the destination; 1 source rows have no destination row with"
                                + " their key, e.g. ('1', 'a', NULL); 2 destination rows have no source row with their key,"
                                + " e.g. ('3', 'c', NULL) ('4', 'd', NULL)",
                        "t.name: 1 of 1 rows differ (paired by key), first at key (id='2'): source 'b', destination 'b!'");
    }

    @Test
    void keysWhoseTextChangedPairByPosition() {
        assertThat(RowDiff.of("t", COLUMNS, List.of(0), List.of(row("1", "a", null)), List.of(row("1.0", "a", null))))
                .containsExactly("t: 1 rows in the source, 1 in the destination; 1 source rows have no destination row with"
                                + " their key, e.g. ('1', 'a', NULL); 1 destination rows have no source row with their key,"
                                + " e.g. ('1.0', 'a', NULL)",
                        "t.id: 1 of 1 rows differ (paired by position (keys differ as text)), first at key (id='1'):"
                                + " source '1', destination '1.0'");
    }
}
