package dev.sluice.files;

import dev.sluice.files.format.RowEncoder;
import dev.sluice.files.store.Upload;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.OpenObject;
import java.io.IOException;
import java.util.List;

/** One object being written: rows encoded into an upload that appears only when sealed. */
final class FileObject implements OpenObject {
    private final RowEncoder encoder;
    private final Upload upload;
    private final String where;

    FileObject(RowEncoder encoder, Upload upload, String where) {
        this.encoder = encoder;
        this.upload = upload;
        this.where = where;
    }

    @Override
    public void append(List<Object[]> rows) {
        try {
            encoder.write(rows);
        } catch (IOException e) {
            throw new ConnectorException("writing " + where + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void seal() {
        try {
            encoder.finish();
            upload.stream().flush();
        } catch (IOException e) {
            upload.abort();
            throw new ConnectorException("writing " + where + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            upload.abort();
            throw e;
        }
        upload.complete();
    }

    @Override
    public void abort() {
        upload.abort();
    }
}
