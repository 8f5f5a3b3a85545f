package io.nsgflow.parse;

import java.io.ByteArrayInputStream;

/** Bytes handed out at most {@code chunk} per read, as a slow stream gives them: a parser's buffer then ends anywhere. */
final class Chunks extends ByteArrayInputStream {
    private final int chunk;

    Chunks(byte[] bytes, int chunk) {
        super(bytes);
        this.chunk = chunk;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, chunk));
    }
}
