package io.nsgflow.format;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * A UTF-8 {@link java.io.Writer} over a byte stream that lets a {@link TextOut} write its
 * already-encoded bytes to that stream directly, past the char encoder; text written to the
 * writer itself (help, usage) is encoded as any writer's is.
 */
public final class ByteStreamWriter extends OutputStreamWriter {
    private final OutputStream stream;

    public ByteStreamWriter(OutputStream stream) {
        super(stream, StandardCharsets.UTF_8);
        this.stream = stream;
    }

    OutputStream stream() {
        return stream;
    }
}
