package io.nsgflow.decode;

/** A flow tuple that cannot be decoded; the message says which field and why. */
public final class TupleException extends Exception {
    private static final long serialVersionUID = 1L;

    public TupleException(String message) {
        // No stack trace: these are expected on bad input and are reported, not debugged.
        super(message, null, false, false);
    }
}
