package io.nsgflow.format;

import java.io.IOException;

/**
 * Writing the output failed: the reader closed the pipe ({@code | head}) or the disk is full.
 * Unchecked so that it passes through the input pipeline untouched, to be told apart from input
 * errors and handled once, in {@code Main}.
 */
public final class OutputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OutputException(IOException cause) {
        super(cause.getMessage(), cause, false, false);
    }

    /** True when the reader went away, which is how {@code | head} ends us: not an error. */
    public boolean isBrokenPipe() {
        String m = getMessage();
        return m != null && (m.contains("Broken pipe") || m.contains("Stream closed") || m.contains("EPIPE"));
    }
}
