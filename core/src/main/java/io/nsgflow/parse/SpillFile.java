package io.nsgflow.parse;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Entries (a number and some bytes each: a tuple's text as {@link RawRecord} holds it) written to
 * a temporary file and read back in order: where the tuples of a record too large to hold in
 * memory wait for the record's end ({@link RawRecord}). The file is made in
 * {@code java.io.tmpdir} and unlinked at once, so it has no name while it is used and its space is
 * freed when it is closed or the process ends, however it ends (a signal, a kill, a crash):
 * nothing is ever left behind to clean up.
 */
public final class SpillFile implements Closeable {
    private static final int BUFFER = 1 << 16;
    /** An entry's head: its number and its length. */
    private static final int HEAD = 8;

    private final FileChannel channel;
    /** Bytes to write (from 0 to {@code count}), or bytes read ahead (from {@code pos} to {@code count}). */
    private final byte[] buf = new byte[BUFFER];
    private final ByteBuffer io = ByteBuffer.wrap(buf);
    private int pos;
    private int count;
    /** Bytes in the file (not counting those still in the buffer). */
    private long flushed;
    private boolean reading;
    /** While reading: the file offset of {@code buf[0]}. */
    private long readAt;
    private int number;
    private byte[] text = new byte[256];
    private int length;

    private SpillFile(FileChannel channel) {
        this.channel = channel;
    }

    /** A new, empty spill file in {@code java.io.tmpdir}. */
    public static SpillFile create() throws IOException {
        return new SpillFile(unlinked("nsgflow-spill-"));
    }

    /**
     * A new, empty file in {@code java.io.tmpdir}, open to read and write and already unlinked: it
     * has no name while it is used, and its space is freed when it is closed or the process ends.
     */
    public static FileChannel unlinked(String prefix) throws IOException {
        Path path = Files.createTempFile(prefix, ".tmp");
        try {
            return FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } finally {
            Files.deleteIfExists(path);
        }
    }

    /** Where the next entry will be written: a point {@link #truncate} can go back to. */
    public long size() {
        return flushed + (reading ? 0 : count);
    }

    /** Appends an entry (after a read, writing goes on after the last entry). */
    public void append(int number, byte[] bytes, int off, int len) throws IOException {
        writing();
        room(HEAD);
        putInt(number);
        putInt(len);
        for (int i = off; i < off + len; ) {
            room(1);
            int n = Math.min(off + len - i, BUFFER - count);
            System.arraycopy(bytes, i, buf, count, n);
            count += n;
            i += n;
        }
    }

    /** Forgets the entries written from {@code at} (a {@link #size()} taken before) on. */
    public void truncate(long at) throws IOException {
        writing();
        flush();
        channel.truncate(at);
        flushed = at;
    }

    /** Forgets every entry: the file is reused for the next record. */
    public void clear() throws IOException {
        truncate(0);
    }

    /** Starts reading the entries from the first; {@link #next()} gives each in turn. */
    public void rewind() throws IOException {
        if (!reading) {
            flush();
            reading = true;
        }
        readAt = 0;
        pos = 0;
        count = 0;
    }

    /**
     * Reads the next entry: its {@link #number()} and {@link #text()} (the first {@link #length()}
     * bytes) until the next call. Entry: after {@link #rewind()}.
     *
     * @return false after the last entry
     */
    public boolean next() throws IOException {
        if (readAt + pos >= flushed) {
            return false;
        }
        fill(HEAD);
        number = getInt();
        length = getInt();
        if (text.length < length) {
            text = new byte[Math.max(length, text.length * 2)];
        }
        for (int i = 0; i < length; ) {
            fill(1);
            int n = Math.min(length - i, count - pos);
            System.arraycopy(buf, pos, text, i, n);
            pos += n;
            i += n;
        }
        return true;
    }

    public int number() {
        return number;
    }

    /** The bytes of the entry read last: read them, never keep or change them. */
    public byte[] text() {
        return text;
    }

    public int length() {
        return length;
    }

    /** Frees the file's space. It has no name, so a failure to close loses nothing and is not reported. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing to clean up: the space is freed when the process ends, however it ends
        }
    }

    private void putInt(int v) {
        buf[count++] = (byte) (v >>> 24);
        buf[count++] = (byte) (v >>> 16);
        buf[count++] = (byte) (v >>> 8);
        buf[count++] = (byte) v;
    }

    private int getInt() {
        int v = (buf[pos] & 0xFF) << 24 | (buf[pos + 1] & 0xFF) << 16 | (buf[pos + 2] & 0xFF) << 8 | buf[pos + 3] & 0xFF;
        pos += 4;
        return v;
    }

    /** Leaves reading for writing: the buffer holds what is still to be written. */
    private void writing() {
        if (reading) {
            reading = false;
            pos = 0;
            count = 0;
        }
    }

    private void room(int n) throws IOException {
        if (BUFFER - count < n) {
            flush();
        }
    }

    private void flush() throws IOException {
        io.limit(count).position(0);
        while (io.hasRemaining()) {
            flushed += channel.write(io, flushed);
        }
        count = 0;
    }

    /** Makes {@code n} bytes readable in the buffer. */
    private void fill(int n) throws IOException {
        if (count - pos >= n) {
            return;
        }
        int kept = count - pos;
        System.arraycopy(buf, pos, buf, 0, kept);
        readAt += pos;
        pos = 0;
        count = kept;
        while (count < n) {
            io.limit(BUFFER).position(count);
            int read = channel.read(io, readAt + count);
            if (read < 0) {
                throw new EOFException("the spill file ends inside an entry");
            }
            count += read;
        }
    }
}
