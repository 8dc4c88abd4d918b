package dev.sluice.spi;

import java.util.List;

/**
 * An object being written: rows are appended, then it is sealed (it appears whole) or
 * aborted (nothing of it appears). Until sealed, no reader can see any part of it. Not
 * thread-safe: one work item writes it.
 */
public interface OpenObject {

    /**
     * Appends rows (aligned with the table's columns). Encoded data may be uploaded in parts as
     * it accumulates; memory held stays bounded by one part, not by the object's size.
     */
    void append(List<Object[]> rows);

    /**
     * Completes the object: it appears whole, replacing any earlier object of the same name.
     *
     * @throws ConnectorException naming the object when it cannot be completed; it is then
     *         aborted, and nothing of it appears
     */
    void seal();

    /** Discards the object and whatever of it was uploaded. Safe to call after a failure and more than once. */
    void abort();
}
