package io.nsgflow.source;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Decompresses a gzip stream of one or more members (RFC 1952), as {@code gzip -d} does, and says
 * where it is damaged. {@link java.util.zip.GZIPInputStream} ends quietly when what follows a
 * member is not a valid member header, so a damaged second member or junk after the data vanished
 * with exit 0; here both are errors naming the compressed byte. Every byte decompressed before the
 * damage is handed out first: the error comes on the read after.
 */
final class GzipMembers extends InputStream {
    private static final int MAGIC_1 = 0x1f;
    private static final int MAGIC_2 = 0x8b;
    private static final int DEFLATE = 8;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    /** Flag bits RFC 1952 reserves; a header with any of them set is not one we can read. */
    private static final int RESERVED = 0xe0;
    /** MTIME (4), XFL (1), OS (1): read past, nothing in them matters here. */
    private static final int HEADER_REST = 6;

    private final InputStream in;
    private final byte[] buf;
    private int pos;
    private int end;
    /** Compressed bytes consumed before {@code buf[0]}. */
    private long consumedBefore;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private int member = 1;
    private boolean done;
    private IOException pending;

    /** @param in positioned on the first member's magic bytes */
    GzipMembers(InputStream in, int bufferSize) throws IOException {
        this.in = in;
        this.buf = new byte[bufferSize];
        readHeader();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!done && pending == null) {
            int n = inflateSome(b, off, len);
            if (n > 0) {
                return n;
            }
        }
        if (pending != null) {
            IOException e = pending;
            pending = null;
            done = true;
            throw e;
        }
        return -1;
    }

    /** Inflates into {@code b}; at a member's end, checks its trailer and what follows. Returns 0 when nothing came out yet. */
    private int inflateSome(byte[] b, int off, int len) throws IOException {
        // fill() may throw a disk error: that ends the read at once, as it would anywhere
        try {
            if (inflater.needsInput()) {
                if (!fill()) {
                    pending = new EOFException("compressed data ends early, in member " + member + " at compressed byte " + offset());
                    return 0;
                }
                inflater.setInput(buf, pos, end - pos);
            }
            int n = inflater.inflate(b, off, len);
            pos = end - inflater.getRemaining();
            crc.update(b, off, n);
            if (inflater.finished()) {
                try {
                    endOfMember();
                } catch (IOException e) {
                    pending = e; // after the bytes this member gave
                }
            } else if (n == 0 && inflater.needsDictionary()) {
                pending = corrupt("a preset dictionary, which gzip does not use");
            }
            return n;
        } catch (DataFormatException e) {
            pending = corrupt(e.getMessage());
            return 0;
        }
    }

    /** Checks the trailer (CRC-32 and length), then starts the next member or ends the stream. */
    private void endOfMember() throws IOException {
        long trailerAt = offset();
        long storedCrc = readInt();
        long storedSize = readInt();
        if (storedCrc != crc.getValue()) {
            throw corruptAt(trailerAt, "its CRC-32 does not match the data");
        }
        if (storedSize != (inflater.getBytesWritten() & 0xffffffffL)) {
            throw corruptAt(trailerAt, "its stored length does not match the data");
        }
        if (pos == end && !fill()) {
            done = true;
            return;
        }
        member++;
        inflater.reset();
        crc.reset();
        readHeader();
    }

    private void readHeader() throws IOException {
        long at = offset();
        int m1 = readByte();
        int m2 = readByte();
        if (m1 != MAGIC_1 || m2 != MAGIC_2) {
            throw new ZipException(member == 1 ? "not gzip data"
                    : "data after the end of the gzip stream, at compressed byte " + at + " (not a gzip member: junk, or a damaged member header)");
        }
        if (readByte() != DEFLATE) {
            throw corruptAt(at, "its header names a compression method other than deflate");
        }
        int flags = readByte();
        if ((flags & RESERVED) != 0) {
            throw corruptAt(at, "its header sets reserved flags");
        }
        for (int i = 0; i < HEADER_REST; i++) {
            readByte();
        }
        if ((flags & FEXTRA) != 0) {
            int extra = readByte() | readByte() << 8;
            for (int i = 0; i < extra; i++) {
                readByte();
            }
        }
        if ((flags & FNAME) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FCOMMENT) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FHCRC) != 0) {
            readByte();
            readByte();
        }
        inflater.setInput(buf, pos, end - pos);
    }

    private void skipZeroTerminated() throws IOException {
        while (readByte() != 0) {
            // a file name or comment: not needed
        }
    }

    private long readInt() throws IOException {
        return readByte() | readByte() << 8 | readByte() << 16 | (long) readByte() << 24;
    }

    private int readByte() throws IOException {
        if (pos == end && !fill()) {
            throw new EOFException("compressed data ends early, in the header or trailer of member " + member
                    + " at compressed byte " + offset());
        }
        return buf[pos++] & 0xff;
    }

    /** Refills the exhausted buffer; false at the end of the compressed input. */
    private boolean fill() throws IOException {
        consumedBefore += end;
        pos = 0;
        end = 0;
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        end = n;
        return true;
    }

    /** The offset in the compressed input of the next byte to consume. */
    private long offset() {
        return consumedBefore + pos;
    }

    private ZipException corrupt(String why) {
        return corruptAt(offset(), why);
    }

    private ZipException corruptAt(long at, String why) {
        return new ZipException("gzip member " + member + " is damaged at compressed byte " + at + ": " + why);
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
