package dev.sluice.emulators;

/** A local AWS emulator could not be installed or started; the message says what to do. */
public final class EmulatorException extends RuntimeException {
    public EmulatorException(String message) {
        super(message);
    }

    public EmulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
