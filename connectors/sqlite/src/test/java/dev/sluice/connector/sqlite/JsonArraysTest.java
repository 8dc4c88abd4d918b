package dev.sluice.connector.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonArraysTest {
    @Test
    void stringsRoundTripWithEscapesAndNulls() {
        List<String> values = Arrays.asList("", null, "a\"b\\c/d", "\n\r\t\b\f\u0001\u001f", "ü 🚀 \u2028", "null", "[,]");
        String json = JsonArrays.encode(values);
        assertThat(json).startsWith("[\"\",null,\"a\\\"b\\\\c/d\",\"\\n\\r\\t\\b\\f\\u0001\\u001f\"");
        assertThat(JsonArrays.decodeStrings(json)).isEqualTo(values);
    }

    @Test
    void longsRoundTrip() {
        List<Long> values = Arrays.asList(0L, null, Long.MIN_VALUE, Long.MAX_VALUE, -1L);
        assertThat(JsonArrays.encode(values)).isEqualTo("[0,null,-9223372036854775808,9223372036854775807,-1]");
        assertThat(JsonArrays.decodeLongs(JsonArrays.encode(values))).isEqualTo(values);
    }

    @Test
    void readsWhitespaceAndUnicodeEscapesOtherWritersUse() {
        assertThat(JsonArrays.decodeStrings(" [ \"\\u00fc\\ud83d\\ude80\" , null ] ")).containsExactly("ü🚀", null);
        assertThat(JsonArrays.decodeLongs("[ ]")).isEmpty();
        assertThat(JsonArrays.decodeStrings("[]")).isEmpty();
    }

    @Test
    void refusesMalformedArrays() {
        for (String bad : List.of("", "[", "[\"a\"", "[\"a\",]", "[\"a\"] x", "{}", "[\"a]", "[\"\\x\"]", "[nul]", "[1]", "[\"\\u12\"]")) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> JsonArrays.decodeStrings(bad));
        }
        for (String bad : List.of("", "[1", "[1,]", "[\"a\"]", "[1.5]", "[-]", "[99999999999999999999]", "[1] x", "[1 2]")) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> JsonArrays.decodeLongs(bad));
        }
    }
}
