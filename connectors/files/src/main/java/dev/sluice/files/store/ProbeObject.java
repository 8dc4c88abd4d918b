package dev.sluice.files.store;

import dev.sluice.spi.ConnectorException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The tiny object a probe writes before deleting it. */
final class ProbeObject {
    private static final byte[] CONTENT = "sluice probe\n".getBytes(StandardCharsets.UTF_8);

    private ProbeObject() {
    }

    /** Writes the probe's bytes to {@code upload} and completes it; {@code where} names it in messages. */
    static void write(Upload upload, String where) {
        try {
            upload.stream().write(CONTENT);
        } catch (IOException e) {
            upload.abort();
            throw new ConnectorException("cannot write " + where + ": " + LocalUpload.describe(e), e);
        }
        upload.complete();
    }
}
