package dev.sluice.engine.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A value of the wrong type is described in Sluice's type names, never as a Java class. */
class RowFactoryKindTest {
    @Test
    void valuesAreNamedBySluiceTypes() {
        assertThat(RowFactory.kind(42L)).isEqualTo("an int64 value");
        assertThat(RowFactory.kind("x")).isEqualTo("a utf8 value");
        assertThat(RowFactory.kind(java.time.LocalDate.EPOCH)).isEqualTo("a date32 value");
        assertThat(RowFactory.kind(List.of(List.of(1L)))).isEqualTo("a list<list<int64>> value");
        assertThat(RowFactory.kind(new Long[][] {{1L}})).isEqualTo("a list whose elements no Sluice list type holds");
        assertThat(RowFactory.kind(new Object())).isEqualTo("a value of a kind Sluice has no type for");
        assertThat(RowFactory.kind(List.of(List.of(1L)))).doesNotContain("java").doesNotContain("List12");
    }
}
