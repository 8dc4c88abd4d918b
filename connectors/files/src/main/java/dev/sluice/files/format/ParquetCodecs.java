package dev.sluice.files.format;

import io.airlift.compress.Compressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet's page compressors without Hadoop's codecs or native libraries: snappy and zstd from
 * aircompressor (pure Java), gzip from {@code java.util.zip}. Only compression: Sluice never
 * reads Parquet.
 */
final class ParquetCodecs {
    private ParquetCodecs() {
    }

    static BytesInputCompressor compressor(Compression c) {
        return switch (c) {
            case NONE -> new Uncompressed();
            case SNAPPY -> new Block(new SnappyCompressor(), CompressionCodecName.SNAPPY);
            case ZSTD -> new Block(new ZstdCompressor(), CompressionCodecName.ZSTD);
            case GZIP -> new Gzip();
        };
    }

    /** A page as it is. */
    private static final class Uncompressed implements BytesInputCompressor {
        @Override public BytesInput compress(BytesInput bytes) { return bytes; }
        @Override public CompressionCodecName getCodecName() { return CompressionCodecName.UNCOMPRESSED; }
        @Override public void release() { }
    }

    /** A page compressed whole by an aircompressor block compressor (snappy's raw format, a zstd frame). */
    private static final class Block implements BytesInputCompressor {
        private final Compressor compressor;
        private final CompressionCodecName name;

        Block(Compressor compressor, CompressionCodecName name) {
            this.compressor = compressor;
            this.name = name;
        }

        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            byte[] input = bytes.toByteArray();
            byte[] output = new byte[compressor.maxCompressedLength(input.length)];
            int length = compressor.compress(input, 0, input.length, output, 0, output.length);
            return BytesInput.from(output, 0, length);
        }

        @Override public CompressionCodecName getCodecName() { return name; }
        @Override public void release() { }
    }

    /** A page as one gzip member, which is what Parquet's GZIP codec holds. */
    private static final class Gzip implements BytesInputCompressor {
        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, bytes.size() / 2 + 64));
            try (GZIPOutputStream gzip = new GZIPOutputStream(buffer, 8192)) {
                bytes.writeAllTo(gzip);
            }
            return BytesInput.from(buffer);
        }

        @Override public CompressionCodecName getCodecName() { return CompressionCodecName.GZIP; }
        @Override public void release() { }
    }
}
