package io.nsgflow.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * A writer that remembers why a write failed. picocli prints help and version text through a
 * {@link java.io.PrintWriter}, which swallows the exception; this keeps it, so that
 * {@code --help >/dev/full} ends with exit 4 like every other write failure, while a closed pipe
 * ({@code --help | head -1}) can still be told apart and end quietly.
 */
public final class WriteFailures extends FilterWriter {
    private IOException failure;

    public WriteFailures(Writer out) {
        super(out);
    }

    /** The first write or flush that failed, or null. */
    public IOException failure() {
        return failure;
    }

    @Override
    public void write(int c) throws IOException {
        try {
            super.write(c);
        } catch (IOException e) {
            throw kept(e);
        }
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        try {
            super.write(cbuf, off, len);
        } catch (IOException e) {
            throw kept(e);
        }
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        try {
            super.write(str, off, len);
        } catch (IOException e) {
            throw kept(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            super.flush();
        } catch (IOException e) {
            throw kept(e);
        }
    }

    private IOException kept(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }
}
