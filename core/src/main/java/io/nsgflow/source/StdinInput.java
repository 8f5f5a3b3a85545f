package io.nsgflow.source;

import java.io.IOException;
import java.io.InputStream;

/** Standard input, named {@code -}, plain or gzip. It can be opened once. */
public final class StdinInput implements Input {
    private final InputStream stdin;

    public StdinInput(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public String name() {
        return "-";
    }

    @Override
    public PathMetadata meta() {
        return PathMetadata.NONE;
    }

    @Override
    public InputStream open() throws IOException {
        return Gzip.decompressIfGzip(stdin);
    }
}
