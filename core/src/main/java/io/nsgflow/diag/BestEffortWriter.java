package io.nsgflow.diag;

import java.io.IOException;
import java.io.Writer;

/**
 * Stderr as nsgflow writes it: best effort. A diagnostic that cannot be written (stderr closed,
 * {@code 2>/dev/full}, a reader that went away) must never stop or change the data on stdout, so
 * the first failure is remembered and everything after it is dropped; the run goes on and ends
 * with the exit code its input earns.
 */
public final class BestEffortWriter extends Writer {
    private final Writer target;
    private volatile boolean failed;

    public BestEffortWriter(Writer target) {
        this.target = target;
    }

    /** True once a write failed: nothing more reaches stderr. */
    public boolean failed() {
        return failed;
    }

    @Override
    public void write(char[] text, int offset, int length) {
        if (!failed) {
            try {
                target.write(text, offset, length);
            } catch (IOException e) {
                failed = true;
            }
        }
    }

    @Override
    public void flush() {
        if (!failed) {
            try {
                target.flush();
            } catch (IOException e) {
                failed = true;
            }
        }
    }

    @Override
    public void close() {
        flush();
    }
}
