package dev.sluice.files.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Shortened statistics bounds: a lower bound no greater, an upper bound greater, valid UTF-8 for text. */
class ParquetBoundsTest {
    @Test
    void shortValuesAreTheirOwnBounds() {
        byte[] v = utf8("x".repeat(ParquetBounds.LIMIT));
        assertThat(ParquetBounds.lower(v, true)).isSameAs(v);
        assertThat(ParquetBounds.upper(v, false)).isSameAs(v);
    }

    @Test
    void textIsCutAtACharacterBoundaryAndItsLastCharacterIncremented() {
        String v = "a".repeat(61) + "é" + "b" + "tail"; // é is bytes 61 and 62: the 64-byte prefix ends after b
        assertThat(text(ParquetBounds.lower(utf8(v), true))).isEqualTo("a".repeat(61) + "éb");
        assertThat(text(ParquetBounds.upper(utf8(v), true))).isEqualTo("a".repeat(61) + "éc");
        String split = "a".repeat(63) + "é" + "tail"; // é would be cut in two: the prefix stops before it
        assertThat(text(ParquetBounds.lower(utf8(split), true))).isEqualTo("a".repeat(63));
        assertThat(text(ParquetBounds.upper(utf8(split), true))).isEqualTo("a".repeat(62) + "b");
    }

    @Test
    void incrementingTextSkipsSurrogatesGrowsPastAsciiAndDropsTheLastCodePoint() {
        assertThat(text(ParquetBounds.upper(utf8("a".repeat(61) + "\uD7FF" + "rest"), true)))
                .isEqualTo("a".repeat(61) + "\uE000");
        assertThat(text(ParquetBounds.upper(utf8("a".repeat(63) + "\u007F" + "rest"), true)))
                .isEqualTo("a".repeat(63) + "\u0080");
        String max = new String(Character.toChars(Character.MAX_CODE_POINT));
        assertThat(text(ParquetBounds.upper(utf8("a".repeat(60) + max + "rest"), true))).isEqualTo("a".repeat(59) + "b");
        assertThat(ParquetBounds.upper(utf8(max.repeat(20)), true)).isNull();
    }

    @Test
    void bytesAreCutAtTheLimitAndTheLastByteBelow0xFFIncremented() {
        byte[] v = new byte[80];
        Arrays.fill(v, (byte) 0x10);
        v[62] = (byte) 0xFE;
        v[63] = (byte) 0xFF;
        assertThat(ParquetBounds.lower(v, false)).isEqualTo(Arrays.copyOf(v, 64));
        byte[] upper = Arrays.copyOf(v, 63);
        upper[62] = (byte) 0xFF;
        assertThat(ParquetBounds.upper(v, false)).isEqualTo(upper);
        byte[] ff = new byte[65];
        Arrays.fill(ff, (byte) 0xFF);
        assertThat(ParquetBounds.upper(ff, false)).isNull();
        assertThat(Arrays.compareUnsigned(ParquetBounds.upper(v, false), v)).isPositive();
        assertThat(Arrays.compareUnsigned(ParquetBounds.lower(v, false), v)).isNegative();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
