package dev.sluice.spi;

/** A failure that may go away if the same call is made again a little later. */
public class TransientException extends ConnectorException {
    public TransientException(String message) {
        super(message);
    }

    public TransientException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
