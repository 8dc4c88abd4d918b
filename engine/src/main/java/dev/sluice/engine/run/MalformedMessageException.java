package dev.sluice.engine.run;

/** A queue message that is not one of Sluice's: names what is wrong with it. */
public final class MalformedMessageException extends RuntimeException {
    public MalformedMessageException(String message) {
        super(message);
    }
}
