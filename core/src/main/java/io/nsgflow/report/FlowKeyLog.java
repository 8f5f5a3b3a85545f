package io.nsgflow.report;

import io.nsgflow.model.IpAddress;
import io.nsgflow.parse.SpillFile;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link FlowKey}s appended in order and read back in that order, with each one's index: the keys
 * of the {@code E} tuples a partial {@link FlowIdentity} read. Appending costs no hash and no
 * copy of what is held. A key between two IPv4 addresses takes three longs, one with an IPv6 side
 * six (the first long of an entry, its ports, says which).
 *
 * <p>The heap holds the last {@link #HEAP_LONGS} longs at most; the rest go to a temporary file,
 * made in {@code java.io.tmpdir} and unlinked at once ({@link SpillFile#unlinked}), so
 * memory stays flat however long the slice: the file is read back twice at most, when the partial
 * is merged. Where no file can be written, the log stays in the heap: the answer is exact either
 * way. Serialized (a Spark partial travels to the driver), the log carries its content.
 */
final class FlowKeyLog implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Longs in the heap's first chunk; each next chunk is twice as long, up to {@link #CHUNK}. */
    private static final int FIRST_CHUNK = 64;
    /** Longs in a full chunk, and in a read of the file: 64 KB. */
    private static final int CHUNK = 1 << 13;
    /** Longs the heap holds before full chunks go to the file: 1 MB, about 43 000 IPv4 keys. */
    static final int HEAP_LONGS = 16 * CHUNK;
    /** Set in an entry's first long (its ports, 32 bits) when the key has an IPv6 side. */
    private static final long V6 = 1L << 63;
    private static final long PORTS = 0xFFFFFFFFL;
    /**
     * The tail before the first chunk: full at once, so that {@link #put} tests one thing, which is
     * true at every chunk's end. A test for "no chunk yet", true only at each partial's first
     * {@code E}, would be a branch the JIT had never seen taken when it compiled the reading loop
     * (which inlines this), and taking it would throw that compiled loop away.
     */
    private static final long[] NO_CHUNK = new long[0];

    /** The longs not in the file, in chunks; the last one, {@code tail}, has {@code used} longs. */
    private transient List<long[]> chunks = new ArrayList<>();
    private transient long[] tail = NO_CHUNK;
    /** Chunks written to the file, to fill again. */
    private transient List<long[]> free = new ArrayList<>();
    private transient int used;
    private transient long heapLongs;
    /** The file of the first longs, or null; {@code fileLongs} longs in it. */
    private transient FileChannel file;
    private transient long fileLongs;
    /** False once a file could not be made or written: everything stays in the heap. */
    private transient boolean spillable = true;
    private transient long entries;

    /** Appends a key. */
    void append(long srcHi, long srcLo, long dstHi, long dstLo, long macProtocol, int ports) {
        if (FlowKeySet.bothV4(srcHi, srcLo, dstHi, dstLo)) {
            put(ports & PORTS);
            put(macProtocol);
            put(FlowKeySet.pair(srcLo, dstLo));
        } else {
            put(ports & PORTS | V6);
            put(macProtocol);
            put(srcHi);
            put(srcLo);
            put(dstHi);
            put(dstLo);
        }
        entries++;
    }

    /** Keys appended so far: the index the next one gets. */
    long size() {
        return entries;
    }

    /** Keys held in the heap (not in the file): about, as an IPv4 key takes three longs. */
    long keysInHeap() {
        return heapLongs / 3;
    }

    /** Receives one key, with its index. */
    interface Visitor {
        void visit(long index, long srcHi, long srcLo, long dstHi, long dstLo, long macProtocol, int ports);
    }

    /** Visits the keys of index below {@code end}, in order. */
    void forEach(long end, Visitor visitor) {
        Cursor in = new Cursor();
        for (long i = 0; i < Math.min(end, entries); i++) {
            long head = in.next();
            long macProtocol = in.next();
            int ports = (int) head;
            if ((head & V6) == 0) {
                long pair = in.next();
                visitor.visit(i, IpAddress.V4_HI, FlowKeySet.srcLo(pair), IpAddress.V4_HI, FlowKeySet.dstLo(pair), macProtocol, ports);
            } else {
                visitor.visit(i, in.next(), in.next(), in.next(), in.next(), macProtocol, ports);
            }
        }
    }

    /** Visits every key, in order. */
    void forEach(Visitor visitor) {
        forEach(Long.MAX_VALUE, visitor);
    }

    /** Appends every key of {@code later}, after this log's. */
    void appendAll(FlowKeyLog later) {
        later.forEach((i, srcHi, srcLo, dstHi, dstLo, macProtocol, ports) -> append(srcHi, srcLo, dstHi, dstLo, macProtocol, ports));
    }

    /** Frees the file, if any; the log is empty afterwards. */
    void clear() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // it has no name: its space is freed when the process ends, however it ends
            }
            file = null;
        }
        chunks = new ArrayList<>();
        free = new ArrayList<>();
        tail = NO_CHUNK;
        used = 0;
        heapLongs = 0;
        fileLongs = 0;
        entries = 0;
    }

    private void put(long v) {
        if (used == tail.length) {
            newTail();
        }
        tail[used++] = v;
        heapLongs++;
    }

    /** Starts a chunk, once the heap's share is in the file if it is full. */
    private void newTail() {
        if (heapLongs >= HEAP_LONGS && spillable) {
            spill();
        }
        tail = !free.isEmpty() ? free.remove(free.size() - 1)
                : new long[tail == NO_CHUNK ? FIRST_CHUNK : Math.min(CHUNK, tail.length * 2)];
        chunks.add(tail);
        used = 0;
    }

    /** Moves every chunk, all full, to the end of the file. */
    private void spill() {
        try {
            if (file == null) {
                file = SpillFile.unlinked("nsgflow-keys-");
            }
            ByteBuffer bytes = ByteBuffer.allocate(CHUNK * Long.BYTES);
            LongBuffer longs = bytes.asLongBuffer();
            long at = fileLongs;
            for (long[] chunk : chunks) {
                longs.clear();
                longs.put(chunk);
                bytes.clear().limit(chunk.length * Long.BYTES);
                while (bytes.hasRemaining()) {
                    file.write(bytes, at * Long.BYTES + bytes.position());
                }
                at += chunk.length;
            }
            fileLongs = at;
            for (long[] chunk : chunks) {
                if (chunk.length == CHUNK) {
                    free.add(chunk);
                }
            }
            chunks.clear();
            heapLongs = 0;
        } catch (IOException e) {
            spillable = false; // what this spill wrote counts for nothing: the chunks still hold it
        }
    }

    /** Reads the longs in order: the file's, then the heap's. */
    private final class Cursor {
        private long[] block = new long[0];
        private int pos;
        private int limit;
        private long fileAt;
        private int chunk;
        private ByteBuffer bytes;

        long next() {
            if (pos == limit) {
                advance();
            }
            return block[pos++];
        }

        private void advance() {
            pos = 0;
            if (fileAt < fileLongs) {
                int n = (int) Math.min(CHUNK, fileLongs - fileAt);
                if (bytes == null) {
                    bytes = ByteBuffer.allocate(CHUNK * Long.BYTES);
                    block = new long[CHUNK];
                }
                bytes.clear().limit(n * Long.BYTES);
                try {
                    while (bytes.hasRemaining()) {
                        if (file.read(bytes, fileAt * Long.BYTES + bytes.position()) < 0) {
                            throw new IOException("the file ends early");
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("the keys of ended connections could not be read back from their temporary file in "
                            + System.getProperty("java.io.tmpdir"), e);
                }
                bytes.flip().asLongBuffer().get(block, 0, n);
                fileAt += n;
                limit = n;
            } else {
                block = chunks.get(chunk);
                limit = chunk == chunks.size() - 1 ? used : block.length;
                chunk++;
            }
        }
    }

    /** The entries, then the longs that hold them, as they are held. */
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeLong(entries);
        long longs = fileLongs + heapLongs;
        out.writeLong(longs);
        Cursor in = new Cursor();
        for (long i = 0; i < longs; i++) {
            out.writeLong(in.next());
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        chunks = new ArrayList<>();
        free = new ArrayList<>();
        tail = NO_CHUNK;
        spillable = true;
        long count = in.readLong();
        long longs = in.readLong();
        for (long i = 0; i < longs; i++) {
            put(in.readLong());
        }
        entries = count;
    }
}
