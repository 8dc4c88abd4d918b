package dev.sluice.engine.fetch;

import dev.sluice.spi.ConnectorException;

/**
 * What a user reads about a failed work item: a connector's message as it is; anything else
 * is a bug in Sluice, said so without Java class names (the stack trace is logged at debug).
 */
public final class FailureText {
    private static final System.Logger LOG = System.getLogger(FailureText.class.getName());

    private FailureText() {
    }

    public static String of(Throwable e) {
        if (e instanceof ConnectorException && e.getMessage() != null) {
            return e.getMessage();
        }
        LOG.log(System.Logger.Level.DEBUG, "internal error", e);
        return "internal error; this is a bug, please report it (--log-level debug logs the stack trace)";
    }
}
