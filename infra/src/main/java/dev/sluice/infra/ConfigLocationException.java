package dev.sluice.infra;

/** The sync config could not be fetched from where it was said to be; the message names the location. */
public final class ConfigLocationException extends RuntimeException {
    public ConfigLocationException(String message) {
        super(message);
    }

    public ConfigLocationException(String message, Throwable cause) {
        super(message, cause);
    }
}
