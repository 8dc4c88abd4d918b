package dev.sluice.files.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The byte-level encodings of the Parquet writer, against the forms parquet-format specifies. */
class ParquetEncodingsTest {
    @Test
    void aLongRunOfOneLevelIsOneRleRun() {
        byte[] levels = new byte[10];
        Arrays.fill(levels, (byte) 1);
        // header 10 << 1, then the value in one byte
        assertThat(levels(levels, 1)).containsExactly(0x14, 0x01);
    }

    @Test
    void mixedLevelsAreBitPackedLeastSignificantBitFirst() {
        // the specification's example: 0 to 7 at 3 bits is 10001000 11000110 11111010
        assertThat(levels(new byte[] {0, 1, 2, 3, 4, 5, 6, 7}, 3)).containsExactly(0x03, 0x88, 0xC6, 0xFA);
        assertThat(levels(new byte[] {0, 1, 0, 1, 0, 1, 0, 1}, 1)).containsExactly(0x03, 0xAA);
    }

    @Test
    void aRunAfterLiteralsFillsTheirLastGroupAndTheRestIsPaddedWithZeros() {
        byte[] levels = {0, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2};
        // [0 1 2 2 2 2 2 2] packed; the five 2s left are too few for a run: packed, padded to 8
        assertThat(levels(levels, 2)).containsExactly(0x03, 0xA4, 0xAA, 0x03, 0xAA, 0x02);
        byte[] longRun = new byte[20];
        longRun[0] = 1;
        // [1 0 0 0 0 0 0 0] packed, then a run of twelve 0s
        assertThat(levels(longRun, 1)).containsExactly(0x03, 0x01, 0x18, 0x00);
    }

    @Test
    void dictionaryIndexesWiderThanAByteTakeTwoBytesInARun() {
        int[] indexes = new int[12];
        Arrays.fill(indexes, 300);
        indexes[0] = 1;
        ByteSink out = new ByteSink(16);
        LevelEncoder.encode(indexes, indexes.length, 9, out);
        // [1 300 300 300 300 300 300 300] packed at 9 bits (9 bytes), then the four 300s left are too
        // few for a run: packed, padded with zeros (9 bytes)
        assertThat(bytes(out)).containsExactly(0x03, 0x01, 0x58, 0xB2, 0x64, 0xC9, 0x92, 0x25, 0x4B, 0x96,
                0x03, 0x2C, 0x59, 0xB2, 0x64, 0x09, 0x00, 0x00, 0x00, 0x00);
        ByteSink run = new ByteSink(16);
        LevelEncoder.encode(new int[] {300, 300, 300, 300, 300, 300, 300, 300, 300, 300}, 10, 9, run);
        // header 10 << 1, then 300 in two bytes, little-endian
        assertThat(bytes(run)).containsExactly(0x14, 0x2C, 0x01);
    }

    @Test
    void thriftCompactFieldsHoldDeltasZigzagVarintsAndBoolsInTheirType() {
        ByteSink out = new ByteSink(16);
        new ThriftCompact(out).structBegin()
                .i32Field(1, 1)
                .stringField(4, "ab")
                .i64Field(17, -1)
                .boolField(18, true)
                .i32Field(40, 300)
                .listField(41, ThriftCompact.I32, 16)
                .structEnd();
        assertThat(bytes(out)).containsExactly(
                0x15, 0x02,             // delta 1, i32; zigzag 1 = 2
                0x38, 0x02, 'a', 'b',   // delta 3, binary; length 2
                0xD6, 0x01,             // delta 13, i64; zigzag -1 = 1
                0x11,                   // delta 1, bool true
                0x05, 0x50, 0xD8, 0x04, // delta 22 > 15: type, then zigzag id 40 = 80; zigzag 300 = 600
                0x19, 0xF5, 0x10,       // delta 1, list; 16 i32 elements (size ≥ 15: 0xF0 | type, varint size)
                0x00);
    }

    private static int[] levels(byte[] levels, int width) {
        ByteSink out = new ByteSink(16);
        LevelEncoder.encode(levels, levels.length, width, out);
        return bytes(out);
    }

    private static int[] bytes(ByteSink out) {
        int[] b = new int[out.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = out.array()[i] & 0xFF;
        }
        return b;
    }
}
