package dev.sluice.files.store;

import dev.sluice.spi.ConnectorException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * One file being written: bytes go to a hidden temporary file beside the target
 * ({@code .name.<random>.tmp}); {@link #complete()} flushes it, forces it to disk and renames it
 * over the target in one atomic step, then forces the directory so that the rename survives a crash.
 */
final class LocalUpload implements Upload {
    private static final System.Logger LOG = System.getLogger(LocalUpload.class.getName());
    private static final int BUFFER = 64 * 1024;
    /** Keeps the temporary file's name under common 255-byte file name limits. */
    private static final int MAX_PREFIX = 180;

    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final OutputStream stream;
    private boolean ended;

    LocalUpload(Path target) {
        this.target = target;
        try {
            Files.createDirectories(target.getParent());
            String name = target.getFileName().toString();
            String prefix = "." + (name.length() > MAX_PREFIX ? name.substring(0, MAX_PREFIX) : name) + ".";
            this.temp = Files.createTempFile(target.getParent(), prefix, ".tmp");
        } catch (IOException e) {
            throw new ConnectorException("cannot create a file for " + target + ": " + describe(e), e);
        }
        try {
            this.channel = FileChannel.open(temp, StandardOpenOption.WRITE);
        } catch (IOException e) {
            deleteTemp();
            throw new ConnectorException("cannot open " + temp + " to write " + target + ": " + describe(e), e);
        }
        this.stream = new FailureAborting(new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER));
    }

    @Override
    public OutputStream stream() {
        return stream;
    }

    @Override
    public void complete() {
        if (ended) {
            throw new IllegalStateException("upload of " + target + " already ended");
        }
        try {
            stream.flush();
            channel.force(true);
            channel.close();
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system cannot rename " + temp + " atomically", e);
            }
            ended = true;
        } catch (IOException | RuntimeException e) {
            abort();
            throw new ConnectorException("cannot write " + target + ": " + describe(e), e);
        }
        forceDirectory(target.getParent());
    }

    @Override
    public void abort() {
        if (ended) {
            return;
        }
        ended = true;
        try {
            channel.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing " + temp + " while aborting", e);
        }
        deleteTemp();
    }

    private void deleteTemp() {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete the abandoned temporary file " + temp + ": " + e);
        }
    }

    /** Makes a rename in {@code dir} durable; file systems that cannot open a directory skip it. */
    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot force directory " + dir, e);
        }
    }

    static String describe(Throwable e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }

    /** The upload's stream: a failed write aborts the upload; closing it only flushes. */
    private final class FailureAborting extends OutputStream {
        private final OutputStream out;

        FailureAborting(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            try {
                open().write(b);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            try {
                open().write(b, off, len);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void flush() throws IOException {
            if (!ended) {
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }

        private OutputStream open() {
            if (ended) {
                throw new IllegalStateException("upload of " + target + " already ended");
            }
            return out;
        }

        private ConnectorException failed(IOException e) {
            abort();
            return new ConnectorException("cannot write " + target + ": " + describe(e), e);
        }
    }
}
