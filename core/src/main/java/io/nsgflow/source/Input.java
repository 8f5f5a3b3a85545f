package io.nsgflow.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * One input to read: a file, standard input, and whatever else {@link Inputs} resolves from what
 * the user typed. The pipeline knows inputs only through this interface, so a new kind of input
 * (a blob in a storage account, a blob read from an offset onwards) is one new class.
 */
public interface Input {
    /** The name to show the user in every message: the path as given or found, {@code -}; never a secret. */
    String name();

    /** What the input's path or blob name says about it (subscription, NSG, hour, MAC). */
    PathMetadata meta();

    /** Its length in bytes as stored (compressed, for gzip), or -1 when it is not known (standard input). */
    default long size() {
        return -1;
    }

    /** Opens the bytes of the input from the start, decompressed when they are gzip. The caller closes it. */
    InputStream open() throws IOException;

    /**
     * True when {@link #openAt} reads the input from any byte offset: a plain file, whose byte
     * ranges can be read on several threads. Gzip cannot be entered mid-stream.
     */
    default boolean seekable() {
        return false;
    }

    /** The input's bytes from {@code offset} on; only for a {@link #seekable()} input. The caller closes it. */
    default InputStream openAt(long offset) throws IOException {
        throw new UnsupportedOperationException(name() + " cannot be read from a byte offset");
    }
}
