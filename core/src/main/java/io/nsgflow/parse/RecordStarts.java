package io.nsgflow.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where a plain flow-log file can be cut into byte ranges that are read apart (on several
 * threads, or as several Spark tasks): at the starts of records in Azure's
 * {@code {"records":[...]}} envelope, found in the raw bytes by the rule that resynchronisation
 * uses after bad JSON ({@link ResumableInput#skipToRecordStart}), so both always agree on what a
 * record start looks like.
 *
 * <p>A start found this way is a guess that reading confirms, since raw bytes cannot tell for
 * sure what a parser would make of them (bad JSON before the cut, say). The read of one range,
 * {@link RecordReader.Start#range}, stops only before a record that the parser finds starting
 * exactly where a later range starts; {@link RecordReader#stop()} says where. When that is not
 * the next range's start, the read went through the ranges between, and their own reads are to be
 * dropped: so the records read, and every problem reported, are those of reading the file whole.
 */
public final class RecordStarts {
    /** How far into an input its envelope's opening may lie (whitespace before and inside it). */
    public static final int HEAD = 256;
    private static final byte[] RECORDS_KEY = "\"records\"".getBytes(StandardCharsets.US_ASCII);

    /** Opens an input's stored bytes from an offset on; the caller closes the stream. */
    @FunctionalInterface
    public interface Bytes {
        InputStream openAt(long offset) throws IOException;
    }

    private RecordStarts() {
    }

    /**
     * Cuts an input into up to {@code count} ranges of about equal length, each beginning at a
     * record start. Only an input that opens with the envelope ({@code {"records":[}, UTF-8, no
     * byte-order mark) is cut: ranges after the first are read as the inside of that array.
     *
     * @param size the input's length in bytes
     * @return the ranges' start offsets, increasing, the first 0: just {0} when the input is not to
     *         be cut, fewer than {@code count} when record starts are further apart than the ranges
     */
    public static long[] split(Bytes bytes, long size, int count) throws IOException {
        if (count < 2 || !opensEnvelope(bytes)) {
            return new long[] {0};
        }
        long[] starts = new long[count];
        int n = 1;
        for (int i = 1; i < count; i++) {
            long target = size / count * i;
            if (target <= starts[n - 1]) {
                continue; // the record start found for the last target is already past this one
            }
            long start;
            try (InputStream in = bytes.openAt(target)) {
                start = next(in, target);
            }
            if (start < 0) {
                break; // no record starts after the target, nor after any later one
            }
            starts[n++] = start;
        }
        return Arrays.copyOf(starts, n);
    }

    /**
     * A record start among the last {@code window} bytes of an input, for a read that only needs
     * its last records (where it ends, and how its records are laid out), not all of them.
     *
     * @param bytes  the input's bytes; only its first {@link #HEAD} and at most {@code window} from
     *               {@code size - window} are read
     * @return its offset, or 0 when the input is shorter than four windows (reading it whole costs
     *         about as much), does not open with the envelope, or has no record start there (a
     *         record longer than the window): read it whole
     */
    public static long nearEnd(Bytes bytes, long size, long window) throws IOException {
        if (size < 4 * window || !opensEnvelope(bytes)) {
            return 0;
        }
        long from = size - window;
        try (InputStream in = bytes.openAt(from)) {
            return Math.max(0, next(in, from));
        }
    }

    /**
     * The first record start at or after {@code offset}.
     *
     * @param in the input's bytes from {@code offset} on
     * @return its offset in the input, or -1 when the input has none there
     */
    public static long next(InputStream in, long offset) throws IOException {
        ResumableInput input = new ResumableInput(new Utf8Text(in, false), offset); // split only a UTF-8 envelope: opensEnvelope
        return input.skipToRecordStart() ? input.position() : -1;
    }

    /** Whether the input begins with the envelope's opening, {@code {"records":[}, whitespace allowed between its tokens. */
    static boolean opensEnvelope(Bytes bytes) throws IOException {
        byte[] head;
        try (InputStream in = bytes.openAt(0)) {
            head = in.readNBytes(HEAD);
        }
        int i = skipWhitespace(head, 0);
        if (i >= head.length || head[i] != '{') {
            return false;
        }
        i = skipWhitespace(head, i + 1);
        if (!Arrays.equals(head, i, Math.min(i + RECORDS_KEY.length, head.length), RECORDS_KEY, 0, RECORDS_KEY.length)) {
            return false;
        }
        i = skipWhitespace(head, i + RECORDS_KEY.length);
        if (i >= head.length || head[i] != ':') {
            return false;
        }
        i = skipWhitespace(head, i + 1);
        return i < head.length && head[i] == '[';
    }

    private static int skipWhitespace(byte[] b, int from) {
        int i = from;
        while (i < b.length && RecordStart.isWhitespace(b[i])) {
            i++;
        }
        return i;
    }
}
