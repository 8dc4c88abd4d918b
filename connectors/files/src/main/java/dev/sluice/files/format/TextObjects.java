package dev.sluice.files.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/** The stream a JSON or CSV object is written through: the destination's, or a gzip stream over it. */
final class TextObjects {
    private static final int GZIP_BUFFER = 64 << 10;

    private TextObjects() {
    }

    static OutputStream open(OutputStream out, Compression compression) throws IOException {
        return compression == Compression.GZIP ? new GZIPOutputStream(out, GZIP_BUFFER, false) : out;
    }

    /** Ends what {@link #open} began (gzip's trailer) and flushes, leaving {@code out} open. */
    static void finish(OutputStream stream) throws IOException {
        if (stream instanceof GZIPOutputStream gzip) {
            gzip.finish();
        }
        stream.flush();
    }
}
