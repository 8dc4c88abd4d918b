package dev.sluice.engine.fetch;

import dev.sluice.spi.ConnectorException;

/** Another sync moved a cursor between this item's read and its compare-and-set. */
public final class CursorConflictException extends ConnectorException {
    public CursorConflictException(String key) {
        super("the cursor of " + key + " was changed by another sync while this one ran; "
                + "this item stopped without overwriting it");
    }
}
