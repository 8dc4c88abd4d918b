package dev.sluice.spi;

/**
 * A connector's failure. {@link #retryable()} tells the engine whether trying again can help:
 * {@link TransientException} says yes (connection reset, deadlock, throttling); everything
 * else says "fix your config or data" and fails the work item at once.
 * Messages must never contain secrets such as passwords.
 */
public class ConnectorException extends RuntimeException {
    public ConnectorException(String message) {
        super(message);
    }

    public ConnectorException(String message, Throwable cause) {
        super(message, cause);
    }

    public boolean retryable() {
        return false;
    }
}
