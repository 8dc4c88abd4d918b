package dev.sluice.files.store;

import java.io.OutputStream;

/**
 * One object being written. Bytes written to {@link #stream()} become the object when
 * {@link #complete()} returns; until then nothing of it is visible. Not thread-safe.
 */
public interface Upload {

    /**
     * The object's bytes go here; the stream buffers them. Closing it does not complete the upload.
     * A write that fails aborts the upload and throws {@link dev.sluice.spi.ConnectorException}.
     */
    OutputStream stream();

    /**
     * Makes the object appear whole at its key, replacing any earlier one.
     *
     * @throws dev.sluice.spi.ConnectorException naming where the object was going and why it
     *         failed; the upload is then aborted and nothing of it appears
     */
    void complete();

    /** Discards the upload and whatever of it was stored. Never throws; does nothing after {@link #complete()} or a first abort. */
    void abort();
}
