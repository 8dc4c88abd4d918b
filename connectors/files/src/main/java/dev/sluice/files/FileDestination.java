package dev.sluice.files;

import dev.sluice.files.format.Compression;
import dev.sluice.files.format.FileFormat;
import dev.sluice.files.format.FormatOptions;
import dev.sluice.files.format.RowEncoders;
import dev.sluice.files.store.ObjectStore;
import dev.sluice.files.store.Upload;
import dev.sluice.spi.BatchLimits;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.Destination;
import dev.sluice.spi.MigrateMode;
import dev.sluice.spi.ObjectName;
import dev.sluice.spi.ObjectWriter;
import dev.sluice.spi.OpenObject;
import dev.sluice.spi.TableSchema;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A destination of objects (the {@code file} and {@code s3} destinations): every object is one
 * table's rows in one format, written into an {@link ObjectStore} where it appears only when
 * complete. Tables are not created or altered (each object carries its schema, in Parquet and
 * in CSV's header), rows are never replaced or deleted: {@code write_mode: append} only.
 */
public final class FileDestination implements Destination, ObjectWriter {
    private final FileSettings settings;
    private final Supplier<ObjectStore> connect;
    private final boolean testWrite;
    private final String contentType;
    private final BatchLimits defaults;
    private ObjectStore store;
    private boolean probed;

    /**
     * @param connect   opens the store (no I/O before {@link #open})
     * @param testWrite write and delete a probe object at the first {@link #migrate}, which a
     *                  sync runs before any row is fetched
     * @param contentType the objects' media type, where the store records one
     * @param defaults  batch limits when the config sets none (objects rotate at these)
     */
    public FileDestination(FileSettings settings, Supplier<ObjectStore> connect, boolean testWrite,
                           Optional<String> contentType, BatchLimits defaults) {
        this.settings = settings;
        this.connect = connect;
        this.testWrite = testWrite;
        this.contentType = contentType.orElseGet(() -> contentType(settings.format()));
        this.defaults = settings.noRotate()
                ? new BatchLimits(Integer.MAX_VALUE, Long.MAX_VALUE, defaults.timeout()) : defaults;
    }

    /**
     * The media type of an object, as CloudQuery's S3 destination sets it: {@code application/gzip}
     * for gzip-compressed JSON and CSV, else {@code application/vnd.apache.parquet},
     * {@code application/json} or {@code text/csv}.
     */
    static String contentType(FormatOptions format) {
        if (format.format() != FileFormat.PARQUET && format.compression() == Compression.GZIP) {
            return "application/gzip";
        }
        return switch (format.format()) {
            case PARQUET -> "application/vnd.apache.parquet";
            case JSON -> "application/json";
            case CSV -> "text/csv";
        };
    }

    /** CloudQuery's file and s3 defaults: 10,000 rows or 50 MiB per object. */
    public static BatchLimits cloudQueryDefaults() {
        return new BatchLimits(10_000, 50L << 20, Duration.ofSeconds(30));
    }

    @Override
    public synchronized void open() {
        if (store != null) {
            return;
        }
        store = connect.get();
    }

    @Override
    public BatchLimits defaultBatchLimits() {
        return defaults;
    }

    @Override
    public Optional<ObjectWriter> objects() {
        return Optional.of(this);
    }

    /**
     * Nothing to create, each object carries its table's columns; with {@code test_write}, the
     * first call writes and deletes a probe object, so a bucket that cannot be written fails the
     * sync before it fetches anything.
     */
    @Override
    public void migrate(List<TableSchema> tables, MigrateMode mode) {
        ObjectStore s = store();
        synchronized (this) {
            if (!testWrite || probed) {
                return;
            }
            s.probe(settings.path().probeKey(UUID.randomUUID()));
            probed = true;
        }
    }

    @Override
    public OpenObject begin(TableSchema table, ObjectName name) {
        if (!settings.path().hasUuid() && !name.first()) {
            throw new ConnectorException("table " + table.name() + " does not fit in one object: path \""
                    + settings.path().template() + "\" has no {{UUID}} (no_rotate: true), but the table's rows come in "
                    + "more than one part (several partitions, a work item continued in a new message, or a batch_size "
                    + "set with no_rotate); put {{UUID}} in path and leave no_rotate unset");
        }
        String key = settings.path().expand(table.name(), RowEncoders.formatName(settings.format()), name);
        ObjectStore s = store();
        Upload upload = s.begin(key, contentType);
        try {
            return new FileObject(RowEncoders.open(table, settings.format(), upload.stream()), upload, s.where(key));
        } catch (IOException | RuntimeException e) {
            upload.abort();
            throw e instanceof ConnectorException c ? c : new ConnectorException("writing " + s.where(key) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void emptyTable(TableSchema table, ObjectName name) {
        if (settings.emptyObjects()) {
            begin(table, name).seal();
        }
    }

    @Override
    public void write(TableSchema table, List<Object[]> rows) {
        throw new UnsupportedOperationException("a destination of objects is written through objects()");
    }

    @Override
    public long deleteStale(TableSchema table, String sourceName, Instant syncTime) {
        throw new ConnectorException("a destination of files never deletes rows: use write_mode: append");
    }

    private synchronized ObjectStore store() {
        if (store == null) {
            throw new IllegalStateException("destination not opened");
        }
        return store;
    }

    @Override
    public synchronized void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
