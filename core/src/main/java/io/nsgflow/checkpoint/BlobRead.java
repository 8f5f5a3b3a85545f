package io.nsgflow.checkpoint;

import io.nsgflow.parse.RecordReader;
import io.nsgflow.parse.RecordStarts;
import io.nsgflow.parse.Shape;
import io.nsgflow.source.FileVersion;
import io.nsgflow.source.Gzip;
import io.nsgflow.source.Input;
import io.nsgflow.source.PathMetadata;
import io.nsgflow.source.azure.BlobInput;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.function.BiConsumer;

/**
 * A blob of a storage account read for a checkpoint: whole when it is new or was rewritten, else
 * only what follows the last complete record an earlier run read, in one ranged request.
 *
 * <p>How a version is told: the ETag and length the listing gave. The same pair means nothing new,
 * and the blob is not even asked for. A different ETag with a length not shorter is taken for an
 * append when the {@link FileVersion#TAIL} bytes before the earlier read's end are unchanged: the
 * ranged request starts that many bytes early, so the check costs no request of its own. Network
 * Watcher appends by staging a block and committing the block list again with it placed before
 * the closing {@code ]}} block, so every byte before the closing block stays where it was. Anything
 * else (shorter, those bytes changed, gzip) is a rewrite: read again from the start, with a warning.
 * The committed block list would tell the same at the price of one more request per changed blob
 * and poll, and blobs uploaded in one piece have none.
 *
 * <p>Every request is made with the ETag the listing gave ({@code If-Match}). A blob appended to
 * between the listing and the read is looked at again and read in the version it has then, up to
 * {@link #TRIES} times, rather than read half in one version and half in another.
 */
final class BlobRead implements Input, ResumesAt {
    /** Looks at a blob that keeps changing under the read; Network Watcher appends about once a minute. */
    static final int TRIES = 3;

    private final Mark before;
    private final BiConsumer<String, String> warn;
    private BlobInput blob;
    private long offset;
    private Shape shape;
    private TailKeeper kept;
    /** Read from a record start near the end, when new to the checkpoint: {@link IncrementalRead#planFromEnd}. */
    private boolean fromEnd;

    private BlobRead(BlobInput blob, Mark before, BiConsumer<String, String> warn) {
        this.blob = blob;
        this.before = before;
        this.warn = warn;
    }

    /** This read, made to start at a record near the blob's end when the checkpoint has no mark of it. */
    BlobRead fromEnd() {
        fromEnd = before == null;
        return this;
    }

    /** Whether {@code input} is a blob: the storage classes are loaded only when one is. */
    static boolean isBlob(Input input) {
        return input instanceof BlobInput;
    }

    /** The blob to read, or null when its ETag and length are those {@code before} was read at. */
    static Input plan(Input input, Mark before, BiConsumer<String, String> warn) {
        return before != null && unchanged(input, before) ? null : new BlobRead((BlobInput) input, before, warn);
    }

    /** Whether the blob {@code input} as listed has the ETag and length {@code before} was read at. */
    static boolean unchanged(Input input, Mark before) {
        BlobInput blob = (BlobInput) input;
        return blob.etag().equals(before.etag()) && blob.size() == before.version().size();
    }

    @Override
    public String name() {
        return blob.name();
    }

    @Override
    public PathMetadata meta() {
        return blob.meta();
    }

    @Override
    public long size() {
        return blob.size();
    }

    @Override
    public long offset() {
        return offset;
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public InputStream open() throws IOException {
        for (int i = 1; ; i++) {
            try {
                return openVersion();
            } catch (IOException e) {
                if (!BlobInput.changedSinceListed(e)) {
                    throw e;
                }
                if (i == TRIES) {
                    throw new IOException("it changed each of the " + TRIES + " times it was about to be read; "
                            + "the next run reads it", e);
                }
                blob = blob.refreshed();
            }
        }
    }

    /** Opens the version the blob has by {@link #blob}'s ETag, from the earlier read's end when that is an append. */
    private InputStream openVersion() throws IOException {
        String rewritten = before == null || before.offset() == 0 ? null : rewritten();
        if (before != null && before.offset() > 0 && rewritten == null) {
            int tail = (int) Math.min(FileVersion.TAIL, before.offset());
            InputStream raw = blob.openRange(before.offset() - tail, null, blob.etag());
            byte[] bytes = raw.readNBytes(tail);
            if (bytes.length == tail && FileVersion.sha256(bytes).equals(before.tailSha256())) {
                offset = before.offset();
                shape = before.shape();
                kept = new TailKeeper(raw, offset);
                return kept;
            }
            raw.close();
            rewritten = "rewritten (the bytes before byte " + before.offset() + ", where the last read ended, changed)";
        }
        long start = fromEnd ? recordNearEnd() : 0;
        if (start > 0) {
            offset = start;
            shape = Shape.ENVELOPE;
            kept = new TailKeeper(blob.openRange(start, null, blob.etag()), start);
            return kept;
        }
        offset = 0;
        shape = null;
        kept = new TailKeeper(blob.openRange(0, null, blob.etag()), 0);
        InputStream in = Gzip.decompressIfGzip(kept);
        if (rewritten != null) {
            warn.accept(name(), rewritten + "; read again from the start");
        }
        return in;
    }

    /**
     * A record start near the blob's end ({@link RecordStarts#nearEnd}): two ranged requests, each
     * asking for no more than what is looked at (the blob's first bytes, then the window), since a
     * download fetches all that was asked for however little of it is read.
     */
    private long recordNearEnd() throws IOException {
        long size = blob.size();
        long window = IncrementalRead.END_WINDOW;
        String etag = blob.etag();
        return RecordStarts.nearEnd(at -> blob.openRange(at, Math.min(at == 0 ? RecordStarts.HEAD : window, size - at), etag),
                size, window);
    }

    /** Why the blob, by its length alone, is not {@code before}'s version with records appended; null when it may be. */
    private String rewritten() {
        if (before.whole()) {
            return "changed since it was read, and a compressed or non-UTF-8 blob cannot be read from the middle";
        }
        if (blob.size() < before.version().size()) {
            return "shorter than when it was read (" + blob.size() + " < " + before.version().size() + " bytes): rewritten";
        }
        return null;
    }

    /**
     * What the checkpoint remembers of this read: the version read, and the end of the last
     * complete record; null when the bytes before it could not be had (the blob changed since).
     */
    Mark mark(RecordReader.End end, long records, Instant readAt) {
        boolean resumed = before != null && offset > 0; // else read whole, or from a record near the end
        long to = end != null ? end.offset() : offset;
        boolean whole = kept.gzip() || end != null && !end.inBytes();
        String tail = null;
        if (!whole && to > 0) {
            tail = resumed && to == before.offset() ? before.tailSha256() : tailHash(to);
            if (tail == null) {
                return null;
            }
        }
        return new Mark(name(), meta().hour(), new FileVersion(blob.size(), blob.lastModified()), 0, null, tail, to,
                end != null ? end.shape() : shape, whole, readAt, records + (resumed ? before.records() : 0), blob.etag());
    }

    /** SHA-256 of the bytes before {@code to}: from those kept while reading, else one ranged request. */
    private String tailHash(long to) {
        int n = (int) Math.min(FileVersion.TAIL, to);
        byte[] bytes = kept.before(to, n);
        if (bytes == null) {
            try (InputStream in = blob.openRange(to - n, (long) n, blob.etag())) {
                bytes = in.readNBytes(n);
            } catch (IOException e) {
                return null;
            }
        }
        return bytes.length == n ? FileVersion.sha256(bytes) : null;
    }

    /**
     * Passes a blob's raw bytes on and keeps the last {@link #KEPT} of them: the bytes before the
     * last record's end, which the parser has read past by a little (the closing brackets, or a
     * record being written), are then at hand without another request.
     */
    private static final class TailKeeper extends FilterInputStream {
        static final int KEPT = 1 << 16;
        private final byte[] ring = new byte[KEPT];
        private final long start;
        private long position;
        private final byte[] first = new byte[2];

        TailKeeper(InputStream in, long start) {
            super(in);
            this.start = start;
            this.position = start;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                keep(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                keep(b, off, n);
            }
            return n;
        }

        private void keep(byte[] b, int off, int n) {
            for (int i = 0; position + i - start < first.length && i < n; i++) {
                first[(int) (position + i - start)] = b[off + i];
            }
            int skip = Math.max(0, n - KEPT); // only the last KEPT bytes can be asked for
            long at = position + skip;
            for (int o = off + skip, left = n - skip; left > 0; ) {
                int r = (int) (at % KEPT);
                int c = Math.min(left, KEPT - r);
                System.arraycopy(b, o, ring, r, c);
                at += c;
                o += c;
                left -= c;
            }
            position += n;
        }

        /** Whether the bytes read from the start of the blob are gzip's magic bytes. */
        boolean gzip() {
            return start == 0 && position >= 2 && (first[0] & 0xff) == 0x1f && (first[1] & 0xff) == 0x8b;
        }

        /** The {@code n} bytes before {@code to}, or null when they were not all read here or are no longer kept. */
        byte[] before(long to, int n) {
            long from = to - n;
            if (from < start || to > position || from < position - KEPT) {
                return null;
            }
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                out[i] = ring[(int) ((from + i) % KEPT)];
            }
            return out;
        }
    }
}
