package io.nsgflow.parse;

import com.fasterxml.jackson.core.JsonFactory;
import io.nsgflow.diag.FileDiagnostics;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.LongPredicate;
import java.util.function.Consumer;

/**
 * Streams the records of one input with Jackson's token parser, a record at a time, never a tree:
 * the entry point of parsing. Every record is handed on whole, so a file cut anywhere yields
 * exactly the records complete before the cut (a record too large to hold in memory waits in a
 * temporary file meanwhile: {@link RawRecord}); bad JSON is reported with its offset and reading
 * goes on where it safely can ({@link RecordStream}). A reader keeps its record buffer from one
 * input to the next, so a thread reuses one reader for all its inputs; readers are not shared
 * between threads.
 */
public final class RecordReader {
    private final RawRecord record;
    private final RecordFields fields;
    private final JsonFactory json;
    private End end;
    private Stop stop;

    /** A reader whose records spill past {@link RawRecord#DEFAULT_SPILL_BYTES}, or what {@code nsgflow.record.spillChars} says. */
    public RecordReader() {
        this(RawRecord.spillBytes());
    }

    /** A reader whose records spill once their tuples pass {@code spillBytes} bytes (see {@link RawRecord}). */
    RecordReader(int spillBytes) {
        this(spillBytes, Json.FACTORY);
    }

    /** A reader that parses with {@code json}: {@link Json#JACKSON_ONLY} reads as Jackson alone does, for tests to compare. */
    RecordReader(int spillBytes, JsonFactory json) {
        record = new RawRecord(spillBytes);
        fields = new RecordFields(record);
        this.json = json;
    }

    /**
     * Where a read starts.
     *
     * @param offset  the offset in the whole input of the first byte given
     * @param shape   null for the start of an input; else the shape of the input of which the bytes
     *                given are the part after a record ({@code ,{record}...}, or {@code ]}})
     * @param growing the input may still be being written: bytes after its last complete record
     *                are a record to come, not a cut, and no problem
     * @param laterRange whether a later byte range of the input, read by another reader, starts at
     *                an offset: the read stops before a record of the envelope that starts there
     */
    public record Start(long offset, Shape shape, boolean growing, LongPredicate laterRange) {
        private static final LongPredicate WHOLE = offset -> false;
        public static final Start BEGINNING = new Start(0, null, false, WHOLE);

        /** A read of an input still being written, from its start ({@code shape} null) or from a record's end. */
        public static Start growing(long offset, Shape shape) {
            return new Start(offset, shape, true, WHOLE);
        }

        /**
         * A read of one byte range of a plain input split at record starts ({@link RecordStarts}):
         * from {@code starts[range]}, to the first record of the envelope that starts at a later
         * range's start. The bytes given are the input's from that offset on.
         */
        public static Start range(long[] starts, int range) {
            long from = starts[range];
            return new Start(from, range == 0 ? null : Shape.ENVELOPE, false,
                    offset -> offset > from && Arrays.binarySearch(starts, offset) >= 0);
        }
    }

    /**
     * Where a range's read stopped: before a record starting where a later range starts.
     *
     * @param offset    that record's start, the later range's start
     * @param line      the line the record starts on, as the parser reading it counted lines
     * @param rangeLine true when that parser began at the range's start (so {@code line} counts from
     *                  there); false when it began where reading resumed after bad JSON
     */
    public record Stop(long offset, long line, boolean rangeLine) implements java.io.Serializable {
    }

    /**
     * Where the last complete record of a read ends: where the next read of the same input starts.
     *
     * @param offset  just after the record's closing brace
     * @param shape   the shape of the input there
     * @param inBytes a read may resume at the offset; false for UTF-16 or UTF-32 text, whose encoding only its start tells
     */
    public record End(long offset, Shape shape, boolean inBytes) {
    }

    /**
     * Reads {@code in} to its end, passing each record to {@code handler}, which must not keep
     * the record (it is reused). Problems go to {@code diag}.
     *
     * @return how many records were read
     */
    public long read(InputStream in, FileDiagnostics diag, Consumer<RawRecord> handler) {
        return read(in, Start.BEGINNING, diag, handler);
    }

    /**
     * Reads {@code in}, which starts where {@code start} says, like {@link #read(InputStream,
     * FileDiagnostics, Consumer)}; {@link #end()} then says where the last complete record ended.
     * An exception thrown by {@code handler} ends the read, with {@link #end()} at the end of the
     * record before.
     *
     * @return how many records were read
     */
    public long read(InputStream in, Start start, FileDiagnostics diag, Consumer<RawRecord> handler) {
        // only an input's start tells its encoding: a range or a resumed read enters the UTF-8 text a whole read found
        Utf8Text text = new Utf8Text(in, start.offset() == 0 && start.shape() == null);
        RecordStream stream = new RecordStream(new ResumableInput(text, start.offset()), json, diag, record, fields, handler);
        try {
            return stream.read(start);
        } finally {
            record.releaseSpill();
            end = stream.end();
            stop = stream.stop();
        }
    }

    /** Where the last read stopped for a later range, or null when it read to the end of its input. */
    public Stop stop() {
        return stop;
    }

    /** Where the last complete record of the last read ends, or null when it had none. */
    public End end() {
        return end;
    }
}
