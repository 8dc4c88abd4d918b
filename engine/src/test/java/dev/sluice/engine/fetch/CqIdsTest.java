package dev.sluice.engine.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CqIdsTest {
    @Test
    void primaryKeyIdsAreVersion5AndDependOnNamesAndValues() {
        UUID a = CqIds.fromPrimaryKey(List.of("id"), new Object[] {1L});
        assertThat(a.version()).isEqualTo(5);
        assertThat(a.variant()).isEqualTo(2);
        assertThat(CqIds.fromPrimaryKey(List.of("id"), new Object[] {1L})).isEqualTo(a);
        assertThat(CqIds.fromPrimaryKey(List.of("id"), new Object[] {2L})).isNotEqualTo(a);
        assertThat(CqIds.fromPrimaryKey(List.of("other"), new Object[] {1L})).isNotEqualTo(a);
    }

    @Test
    void nameBasedMatchesRfc4122Version5() {
        // the known vector uuid5(NAMESPACE_DNS, "python.org")
        java.nio.ByteBuffer dns = java.nio.ByteBuffer.allocate(16);
        UUID ns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        dns.putLong(ns.getMostSignificantBits()).putLong(ns.getLeastSignificantBits());
        assertThat(CqIds.nameBased(dns.array(), "python.org".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
    }

    @Test
    void positionIdsAreStablePerPageAndIndexAndDifferAcrossRuns() {
        byte[] page = CqIds.pageKey("run-1", "t", "", "");
        assertThat(CqIds.fromPosition(page, 3)).isEqualTo(CqIds.fromPosition(CqIds.pageKey("run-1", "t", "", ""), 3));
        assertThat(CqIds.fromPosition(page, 4)).isNotEqualTo(CqIds.fromPosition(page, 3));
        assertThat(CqIds.fromPosition(CqIds.pageKey("run-2", "t", "", ""), 3)).isNotEqualTo(CqIds.fromPosition(page, 3));
        assertThat(CqIds.pageKey("ab", "c")).isNotEqualTo(CqIds.pageKey("a", "bc"));
    }
}
