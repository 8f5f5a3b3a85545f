package io.nsgflow.parse;

import static io.nsgflow.parse.ReadMessages.at;
import static io.nsgflow.parse.ReadMessages.describe;
import static io.nsgflow.parse.ReadMessages.truncated;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.nsgflow.diag.FileDiagnostics;
import io.nsgflow.model.Problem;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * One read of one input: finds the records in whatever shape the input has (Azure's
 * {@code {"records":[...]}} blob, one line or re-indented; a bare array of records; one record
 * object per line), hands each on whole once it is complete, keeps offsets absolute across the
 * parsers it uses, and goes on after bad JSON where it safely can: in a file of one record per
 * line (known once a record at the top level has started and ended on one line), at the next
 * line; elsewhere, at the next place that looks like a record start (see
 * {@link ResumableInput#skipToRecordStart}), with a parser fed the containers the record was in.
 * A truncated input has nothing after the cut to go on with. What is inside a record is
 * {@link RecordFields}' job; how problems are worded, {@link ReadMessages}'.
 *
 * <p>The state here (where the current parser's bytes start, which record is being read) lives
 * for one read; {@link RecordReader} makes one per input.
 */
final class RecordStream {
    /** What a parser resumed inside a blob's records array is fed first. */
    static final byte[] ENVELOPE_OPENING = Shape.ENVELOPE.opening();
    private static final byte[] ARRAY_OPENING = Shape.ARRAY.opening();
    private static final byte[] NO_OPENING = Shape.LINES.opening();

    private final ResumableInput input;
    private final JsonFactory json;
    private final FileDiagnostics diag;
    private final RawRecord record;
    private final RecordFields fields;
    private final Consumer<RawRecord> handler;
    private long recordIndex;
    /** The absolute offset of the current parser's first byte. */
    private long base;
    /** Where the record being read starts, or -1 between records. */
    private long recordStart = -1;
    /** What offsets count: bytes (of the input, whatever its encoding: {@link Utf8Text}), or characters for text Jackson decodes itself. */
    private String unit;
    /** What a parser resumed at a record start is fed first: the containers the record is in. */
    private byte[] opening;
    /** The input may still be being written: an end after the last complete record is no problem. */
    private boolean growing;
    private RecordReader.End end;
    /** Whether a later range of the input starts at an offset: where a range's read ends. */
    private LongPredicate laterRange;
    private RecordReader.Stop stop;
    /** The current parser began where reading resumed after bad JSON, not where this read began. */
    private boolean resumed;

    RecordStream(ResumableInput input, JsonFactory json, FileDiagnostics diag, RawRecord record, RecordFields fields,
            Consumer<RawRecord> handler) {
        this.input = input;
        this.json = json;
        this.diag = diag;
        this.record = record;
        this.fields = fields;
        this.handler = handler;
    }

    /**
     * Reads the input to its end, passing each record to the handler. A read from a record's end
     * skips the comma before the next record and feeds the parser the containers of the input's
     * shape first, so that {@code ,{record}...} parses as it would in the whole input.
     *
     * @return how many records were read
     */
    long read(RecordReader.Start start) {
        growing = start.growing();
        laterRange = start.laterRange();
        try {
            byte[] first = NO_OPENING;
            if (start.shape() != null) {
                input.skipSeparator();
                first = start.shape().opening();
            }
            long line = readStream(first);
            if (line > 0) {
                readLines(line);
            }
        } catch (IOException e) {
            diag.problem(Problem.BAD_JSON, "byte " + input.inputOffset(input.position()), ReadMessages.readFailure(e) + "; rest of input skipped");
        } catch (RangeEnd e) {
            stop = e.stop;
        }
        return recordIndex;
    }

    /** Where the last complete record ends, or null when none was complete. */
    RecordReader.End end() {
        return end;
    }

    /** Where this read stopped for a later range, or null when it read to the end of input. */
    RecordReader.Stop stop() {
        return stop;
    }

    /**
     * Reads the input as one JSON stream, resuming at the next record start after bad JSON.
     *
     * @param resumeWith what the parser is fed before the input: the containers a fragment's records are in
     * @return 0 at the end of input; or, when the input turns out to hold one record per line,
     *         the number of the line it stopped on, with the input positioned just after that record
     */
    private long readStream(byte[] resumeWith) throws IOException {
        boolean atStart = true;
        while (true) {
            input.unread(resumeWith, 0, resumeWith.length);
            base = input.position();
            opening = resumeWith;
            JsonParser p = parser();
            try {
                JsonToken t = p.nextToken();
                if (t == null && atStart) {
                    if (!growing) {
                        diag.problem(Problem.BAD_JSON, "byte 0", "empty input (no JSON at all)");
                    }
                    return 0;
                }
                atStart = false;
                for (; t != null; t = p.nextToken()) {
                    long startLine = p.currentTokenLocation().getLineNr();
                    Boolean isRecord = readTopValue(p, t);
                    if (isRecord == null) {
                        return 0;
                    }
                    if (isRecord && p.currentTokenLocation().getLineNr() == startLine
                            && p.releaseBuffered(input.unreader()) >= 0) {
                        return resumed ? startLine : diag.lineNumber(startLine);
                    }
                }
                return 0;
            } catch (JsonProcessingException e) {
                if (growing && truncated(e)) {
                    return 0; // the input is being written: what follows the last record is still to come
                }
                String where = at(location(e, p), base, input::inputOffset);
                if (atStart) {
                    diag.problem(Problem.BAD_JSON, where, ReadMessages.notJson(e) + "; input skipped");
                    return 0;
                }
                String reason = ReadMessages.reason(e, diag.recordNumber(recordIndex), recordStart, unit, input.takeOverlong());
                resumeWith = opening;
                boolean resumable = !truncated(e) && p.releaseBuffered(input.unreader()) >= 0;
                if (resumable && input.skipToRecordStart()) {
                    diag.problem(Problem.BAD_JSON, where, reason + "; skipped to the next record start, at byte "
                            + input.inputOffset(input.position()));
                    recordStart = -1;
                    // the next parser begins there, at its line 1, as reading the input whole would
                    if (endsRange(input.position(), resumeWith)) {
                        throw new RangeEnd(new RecordReader.Stop(input.position(), 1, false));
                    }
                    resumed = true;
                    continue;
                }
                diag.problem(Problem.BAD_JSON, where, reason + (truncated(e) ? "" : "; rest of input skipped"));
                return 0;
            } finally {
                closeQuietly(p);
            }
        }
    }

    /**
     * Reads the rest of a one-record-per-line input a line at a time, so that a bad line costs
     * that line only.
     *
     * @param line the number of the line the input stands on
     */
    private void readLines(long line) throws IOException {
        opening = NO_OPENING;
        for (long n = line; input.startLine(); n++) {
            base = input.position();
            JsonParser p = parser();
            try {
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    if (readTopValue(p, t) == null) {
                        break;
                    }
                }
            } catch (JsonProcessingException e) {
                input.skipRestOfLine();
                if (growing && truncated(e) && !input.lineEnded()) {
                    break; // the last line, still being written
                }
                diag.problem(Problem.BAD_JSON, "line " + n + ", " + at(location(e, p), base, input::inputOffset),
                        ReadMessages.lineReason(e, diag.recordNumber(recordIndex), recordStart, unit, input.takeOverlong()) + "; line skipped");
                recordStart = -1;
            } finally {
                closeQuietly(p);
            }
            input.skipRestOfLine();
        }
        input.endLines();
    }

    /**
     * One value at the top level. Entry: on its first token. Return: on its last token.
     *
     * @return true when it was a record, false when it held records (or none), null when it is
     *         not JSON that flow logs come in (the caller stops reading this stream)
     */
    private Boolean readTopValue(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.START_OBJECT) {
            return readRootObject(p);
        }
        if (t == JsonToken.START_ARRAY) {
            opening = ARRAY_OPENING;
            readRecordArray(p);
            opening = NO_OPENING;
            return false;
        }
        diag.problem(Problem.NOT_FLOW_LOG, where(p), "not a flow log: expected a JSON object or array, found " + describe(t));
        return null;
    }

    /**
     * A root object: the {@code records} envelope, or itself a record (one record per line).
     * Entry: on its START_OBJECT. Return: on its END_OBJECT.
     *
     * @return true when it was a record
     */
    private boolean readRootObject(JsonParser p) throws IOException {
        long offset = offset(p);
        boolean envelope = false;
        boolean recordFields = false;
        record.reset(recordIndex, offset);
        recordStart = offset;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken value = p.nextToken();
            if ("records".equals(name)) {
                envelope = true;
                recordStart = -1;
                if (value == JsonToken.START_ARRAY) {
                    opening = ENVELOPE_OPENING;
                    readRecordArray(p);
                    opening = NO_OPENING;
                    record.reset(recordIndex, offset);
                } else {
                    diag.problem(Problem.NOT_FLOW_LOG, where(p), "'records' is " + describe(value) + ", expected an array");
                    p.skipChildren();
                }
            } else {
                recordFields |= fields.read(p, name);
            }
        }
        recordStart = -1;
        if (envelope) {
            return false;
        }
        if (recordFields) {
            handOn(p);
            return true;
        }
        diag.problemOnce(Problem.NOT_FLOW_LOG, "byte " + offset,
                "not a flow log: the JSON object has no 'records' array and no flow-log record fields");
        return false;
    }

    /**
     * An array of records. Entry: on its START_ARRAY. Return: on its END_ARRAY.
     */
    private void readRecordArray(JsonParser p) throws IOException {
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == JsonToken.START_OBJECT) {
                if (endsRange(offset(p), opening)) {
                    throw new RangeEnd(new RecordReader.Stop(offset(p), p.currentTokenLocation().getLineNr(), !resumed));
                }
                recordStart = offset(p);
                record.reset(recordIndex, recordStart);
                for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                    p.nextToken();
                    fields.read(p, name);
                }
                recordStart = -1;
                handOn(p);
            } else {
                diag.problem(Problem.BAD_RECORD, "record " + diag.recordNumber(recordIndex) + " at byte " + offset(p),
                        "record is " + describe(t) + ", expected an object; skipped");
                recordIndex++;
                p.skipChildren();
            }
        }
    }

    /**
     * Ends a range's read before a record that starts where a later range of the input starts,
     * in the records array of Azure's envelope: the state a range's read starts in.
     *
     * @param opening what a parser resumed at {@code offset} would be fed
     */
    private boolean endsRange(long offset, byte[] opening) {
        return opening == ENVELOPE_OPENING && "byte".equals(unit) && !input.transcoded() && laterRange.test(offset);
    }

    /** Thrown to end a range's read where a later range starts. */
    private static final class RangeEnd extends RuntimeException {
        final RecordReader.Stop stop;

        RangeEnd(RecordReader.Stop stop) {
            super("range end", null, false, false);
            this.stop = stop;
        }
    }

    /** Passes the record on; then, its end is where a later read may resume. Entry and return: on its END_OBJECT. */
    private void handOn(JsonParser p) {
        recordIndex++;
        handler.accept(record);
        long after = p.currentLocation().getByteOffset();
        end = new RecordReader.End(after >= 0 ? input.inputOffset(base + after) : p.currentLocation().getCharOffset(), Shape.of(opening),
                after >= 0 && !input.transcoded());
    }

    /** The absolute offset of the current token in the input's own bytes (of its character, for text Jackson decoded itself). */
    private long offset(JsonParser p) {
        JsonLocation location = p.currentTokenLocation();
        return location.getByteOffset() >= 0 ? input.inputOffset(base + location.getByteOffset()) : location.getCharOffset();
    }

    private String where(JsonParser p) {
        return at(p.currentLocation(), base, input::inputOffset);
    }

    /** Where an exception happened; the parser's position when Jackson does not say. */
    private static JsonLocation location(JsonProcessingException e, JsonParser p) {
        return e.getLocation() != null ? e.getLocation() : p.currentLocation();
    }

    /** A parser over the input, noting what its offsets count. */
    private JsonParser parser() throws IOException {
        JsonParser p = json.createParser(input);
        unit = p.currentLocation().getByteOffset() < 0 ? "character" : "byte";
        return p;
    }

    private static void closeQuietly(JsonParser p) {
        if (p != null) {
            try {
                p.close();
            } catch (IOException ignored) {
                // the input is finished with either way; a failed close loses nothing
            }
        }
    }
}
