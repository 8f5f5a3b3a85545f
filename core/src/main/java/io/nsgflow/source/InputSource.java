package io.nsgflow.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * One input: a file, or standard input. Opening it sniffs for gzip by its magic bytes, so a
 * compressed blob is read whatever its name.
 *
 * @param name the name to show the user: the path as given or found, or {@code -} for stdin
 * @param path the file, or null for standard input
 * @param meta what the path says about the blob
 */
public record InputSource(String name, Path path, PathMetadata meta) {
    private static final int BUFFER = 1 << 16;

    public static InputSource file(Path path) {
        String name = path.toString();
        return new InputSource(name, path, PathMetadata.of(name));
    }

    public static InputSource stdin() {
        return new InputSource("-", null, PathMetadata.NONE);
    }

    /** Opens the bytes of the input, decompressed when they are gzip. The caller closes it. */
    public InputStream open(InputStream stdin) throws IOException {
        InputStream raw = path == null ? stdin : Files.newInputStream(path);
        return decompressIfGzip(new BufferedInputStream(raw, BUFFER));
    }

    /** True when the stream starts with gzip's magic bytes {@code 1f 8b}; the stream is not consumed. */
    static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b;
    }

    private static InputStream decompressIfGzip(BufferedInputStream in) throws IOException {
        if (!isGzip(in)) {
            return in;
        }
        try {
            // Not buffered again: a BufferedInputStream reads ahead until the inflater fails, and a
            // blob cut short would then lose the data decompressed just before the cut.
            return new GZIPInputStream(in, BUFFER);
        } catch (IOException e) {
            in.close();
            throw new IOException("gzip header is corrupt: " + e.getMessage(), e);
        }
    }
}
