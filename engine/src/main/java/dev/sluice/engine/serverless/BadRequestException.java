package dev.sluice.engine.serverless;

/** A start request that names a source or table the config does not have: the caller's mistake (HTTP 400). */
public final class BadRequestException extends RuntimeException {
    public BadRequestException(String message) {
        super(message);
    }
}
