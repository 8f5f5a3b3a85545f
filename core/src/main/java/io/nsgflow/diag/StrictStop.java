package io.nsgflow.diag;

/** Thrown by {@link FileDiagnostics} in {@code --strict} mode to stop at the first problem. */
public final class StrictStop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StrictStop(String message) {
        super(message, null, false, false);
    }
}
