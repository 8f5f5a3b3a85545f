package io.nsgflow.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Tells gzip by its magic bytes, whatever an input is named, and decompresses it. */
public final class Gzip {
    private static final int BUFFER = 1 << 16;
    /**
     * Bytes read from the file or network at a time: 256 KiB. Jackson asks for 8000 bytes a read,
     * and each read of the stream below is a system call and a copy through the JDK's temporary
     * direct buffer. Reading the 1 GB blob 8000 bytes at a time took 0.20-0.28 s of CPU through
     * 256 KiB, 0.27-0.35 s through 64 KiB and 0.43-0.48 s unbuffered (docs/PERFORMANCE.md, issue
     * 16's fourth round).
     */
    static final int READ_AHEAD = 1 << 18;

    private Gzip() {
    }

    /** Buffers {@code raw} and, when it starts with gzip's magic bytes, decompresses it; closes {@code raw} on failure. */
    public static InputStream decompressIfGzip(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, READ_AHEAD);
        if (!isGzip(in)) {
            return in;
        }
        try {
            // Not buffered again: a BufferedInputStream reads ahead until the decompressor fails, and
            // a blob cut short would then lose the data decompressed just before the cut.
            return new GzipMembers(in, BUFFER);
        } catch (IOException e) {
            in.close();
            throw e; // its message names the member and the byte
        }
    }

    /** True when the stream starts with gzip's magic bytes {@code 1f 8b}; the stream is not consumed. */
    static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        boolean gzip = startsWithMagic(in);
        in.reset();
        return gzip;
    }

    /** True when {@code in} starts with gzip's magic bytes {@code 1f 8b}; reads two bytes of it. */
    public static boolean startsWithMagic(InputStream in) throws IOException {
        return in.read() == 0x1f && in.read() == 0x8b;
    }
}
