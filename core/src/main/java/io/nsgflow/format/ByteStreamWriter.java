package io.nsgflow.format;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * A UTF-8 {@link java.io.Writer} over a byte stream that lets a {@link TextOut} write its
 * already-encoded bytes to that stream directly, past the char encoder; text written to the
 * writer itself (help, usage) is encoded as any writer's is, and goes out first.
 */
public final class ByteStreamWriter extends OutputStreamWriter {
    private final OutputStream stream;
    /** Text was written to the writer itself since it was last flushed. */
    private boolean pending;

    public ByteStreamWriter(OutputStream stream) {
        super(stream, StandardCharsets.UTF_8);
        this.stream = stream;
    }

    /**
     * The byte stream, once the writer's own text is out on it: a flush of the writer, which
     * takes a lock, is made only when there is such text, not on every buffer of bytes.
     */
    OutputStream stream() throws IOException {
        if (pending) {
            flush();
        }
        return stream;
    }

    @Override
    public void write(int c) throws IOException {
        pending = true;
        super.write(c);
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        pending = true;
        super.write(cbuf, off, len);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        pending = true;
        super.write(str, off, len);
    }

    @Override
    public void flush() throws IOException {
        pending = false;
        super.flush();
    }
}
