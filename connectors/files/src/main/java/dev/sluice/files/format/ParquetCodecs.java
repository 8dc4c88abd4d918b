package dev.sluice.files.format;

import io.airlift.compress.Compressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Parquet's page codecs without native libraries: snappy (raw snappy blocks) and zstd (a zstd
 * frame) from aircompressor, gzip (one gzip member) from {@code java.util.zip}. Only compression:
 * Sluice never reads Parquet.
 */
final class ParquetCodecs {
    private ParquetCodecs() {
    }

    /** Compresses a page whole. */
    interface PageCompressor {
        /** Parquet's CompressionCodec of the pages. */
        int codec();

        /** Appends the compressed {@code in[0..length)} to {@code out}. */
        void compress(byte[] in, int length, ByteSink out) throws IOException;
    }

    static PageCompressor compressor(Compression c) {
        return switch (c) {
            case NONE -> new Uncompressed();
            case SNAPPY -> new Block(new SnappyCompressor(), 1);
            case GZIP -> new Gzip();
            case ZSTD -> new Block(new ZstdCompressor(), 6);
        };
    }

    /** A page as it is (UNCOMPRESSED). */
    private static final class Uncompressed implements PageCompressor {
        @Override
        public int codec() {
            return 0;
        }

        @Override
        public void compress(byte[] in, int length, ByteSink out) {
            out.write(in, 0, length);
        }
    }

    /** A page compressed whole by an aircompressor block compressor. */
    private record Block(Compressor compressor, int codec) implements PageCompressor {
        @Override
        public void compress(byte[] in, int length, ByteSink out) {
            int max = compressor.maxCompressedLength(length);
            byte[] target = out.reserve(max);
            out.advance(compressor.compress(in, 0, length, target, out.size(), max));
        }
    }

    /** A page as one gzip member (GZIP). */
    private static final class Gzip implements PageCompressor {
        @Override
        public int codec() {
            return 2;
        }

        @Override
        public void compress(byte[] in, int length, ByteSink out) throws IOException {
            OutputStream sink = new OutputStream() {
                @Override
                public void write(int b) {
                    out.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    out.write(b, off, len);
                }
            };
            try (GZIPOutputStream gzip = new GZIPOutputStream(sink, 8192)) {
                gzip.write(in, 0, length);
            }
        }
    }
}
