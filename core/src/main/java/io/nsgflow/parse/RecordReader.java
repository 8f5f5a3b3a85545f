package io.nsgflow.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.nsgflow.diag.FileDiagnostics;
import io.nsgflow.model.Problem;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import java.util.zip.ZipException;

/**
 * Streams the records of one input with Jackson's token parser, a record at a time, never a tree.
 * Accepts the three shapes flow logs come in: Azure's {@code {"records":[...]}} blob (one line or
 * re-indented), a bare array of records, and one record object per line. Every record is handed
 * on whole, so a file cut anywhere yields exactly the records complete before the cut.
 *
 * <p>Bad JSON is reported with its byte offset, and reading goes on where it safely can: in a
 * file of one record per line (known once a record at the top level has started and ended on one
 * line), at the next line; elsewhere, at the next place that looks like a record start (see
 * {@link ResumableInput#skipToRecordStart}), with a parser fed the containers the record was in.
 * A truncated input has nothing after the cut to go on with.
 *
 * <p>Each {@code read...} method documents where the parser stands on entry and on return.
 */
public final class RecordReader {
    private static final byte[] ENVELOPE_OPENING = Shape.ENVELOPE.opening();
    private static final byte[] ARRAY_OPENING = Shape.ARRAY.opening();
    private static final byte[] NO_OPENING = Shape.LINES.opening();

    /**
     * Where a read starts.
     *
     * @param offset  the offset in the whole input of the first byte given
     * @param shape   null for the start of an input; else the shape of the input of which the bytes
     *                given are the part after a record ({@code ,{record}...}, or {@code ]}})
     * @param growing the input may still be being written: bytes after its last complete record
     *                are a record to come, not a cut, and no problem
     */
    public record Start(long offset, Shape shape, boolean growing) {
        public static final Start BEGINNING = new Start(0, null, false);

        /** A read of an input still being written, from its start ({@code shape} null) or from a record's end. */
        public static Start growing(long offset, Shape shape) {
            return new Start(offset, shape, true);
        }
    }

    /**
     * Where the last complete record of a read ends: where the next read of the same input starts.
     *
     * @param offset  just after the record's closing brace
     * @param shape   the shape of the input there
     * @param inBytes offsets count bytes; false for text decoded to characters first (UTF-16, UTF-32), which cannot be resumed
     */
    public record End(long offset, Shape shape, boolean inBytes) {
    }

    private final RawRecord record = new RawRecord();
    private FileDiagnostics diag;
    private Consumer<RawRecord> handler;
    private long recordIndex;
    /** The absolute offset of the current parser's first byte. */
    private long base;
    /** Where the record being read starts, or -1 between records. */
    private long recordStart;
    /** What offsets count: bytes, or characters for text Jackson decodes first (UTF-16, UTF-32). */
    private String unit;
    /** What a parser resumed at a record start is fed first: the containers the record is in. */
    private byte[] opening;
    private boolean growing;
    private End end;

    /**
     * Reads {@code in} to its end, passing each record to {@code handler}. Problems go to
     * {@code diag}.
     *
     * @return how many records were read
     */
    public long read(InputStream in, FileDiagnostics diag, Consumer<RawRecord> handler) {
        return read(in, Start.BEGINNING, diag, handler);
    }

    /**
     * Reads {@code in}, which starts where {@code start} says, to its end, passing each record to
     * {@code handler}; {@link #end()} then says where the last complete record ended. Problems go
     * to {@code diag}. An exception thrown by {@code handler} ends the read, with {@link #end()}
     * at the end of the record before.
     *
     * @return how many records were read
     */
    public long read(InputStream in, Start start, FileDiagnostics diag, Consumer<RawRecord> handler) {
        this.diag = diag;
        this.handler = handler;
        recordIndex = 0;
        recordStart = -1;
        growing = start.growing();
        end = null;
        ResumableInput input = new ResumableInput(in, start.offset());
        try {
            byte[] first = NO_OPENING;
            if (start.shape() != null) {
                input.skipSeparator();
                first = start.shape().opening();
            }
            long line = readStream(input, first);
            if (line > 0) {
                readLines(input, line);
            }
        } catch (IOException e) {
            diag.problem(Problem.BAD_JSON, "byte " + input.position(), readFailure(e) + "; rest of input skipped");
        }
        return recordIndex;
    }

    /** Where the last complete record of the last read ends, or null when it had none. */
    public End end() {
        return end;
    }

    /**
     * Reads the input as one JSON stream, resuming at the next record start after bad JSON.
     *
     * @param resumeWith what the parser is fed before the input: the containers a fragment's records are in
     * @return 0 at the end of input; or, when the input turns out to hold one record per line,
     *         the number of the line it stopped on, with the input positioned just after that record
     */
    private long readStream(ResumableInput input, byte[] resumeWith) throws IOException {
        boolean atStart = true;
        while (true) {
            input.unread(resumeWith, 0, resumeWith.length);
            base = input.position();
            opening = resumeWith;
            JsonParser p = parser(input);
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
                    Boolean record = readTopValue(p, t);
                    if (record == null) {
                        return 0;
                    }
                    if (record && p.currentTokenLocation().getLineNr() == startLine
                            && p.releaseBuffered(input.unreader()) >= 0) {
                        return startLine;
                    }
                }
                return 0;
            } catch (JsonProcessingException e) {
                if (growing && truncated(e)) {
                    return 0; // the input is being written: what follows the last record is still to come
                }
                String where = at(e.getLocation(), p);
                if (atStart) {
                    diag.problem(Problem.BAD_JSON, where, "not JSON (" + clean(e) + "); input skipped");
                    return 0;
                }
                String reason = reason(e);
                resumeWith = opening;
                boolean resumable = !truncated(e) && p.releaseBuffered(input.unreader()) >= 0;
                if (resumable && input.skipToRecordStart()) {
                    diag.problem(Problem.BAD_JSON, where, reason + "; skipped to the next record start, at byte " + input.position());
                    recordStart = -1;
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
    private void readLines(ResumableInput input, long line) throws IOException {
        opening = NO_OPENING;
        for (long n = line; input.startLine(); n++) {
            base = input.position();
            JsonParser p = parser(input);
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
                String reason = truncated(e) ? "the line ends inside a JSON value (record cut short?)"
                        : reason(e);
                diag.problem(Problem.BAD_JSON, "line " + n + ", " + at(e.getLocation(), p), reason + "; line skipped");
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

    /** Why the JSON could not be read, with the record it was in. */
    private String reason(JsonProcessingException e) {
        String record = "record " + recordIndex + ", which starts at " + unit + " " + recordStart;
        if (e instanceof StreamConstraintsException) {
            return (recordStart < 0 ? "input" : record + ",") + " exceeds a safety limit: " + clean(e);
        }
        if (truncated(e)) {
            return recordStart < 0 ? "input ends before the JSON is closed (file cut short?); every complete record was read"
                    : "input ends inside " + record + " (file cut short, or copied while Azure was still writing it?);"
                            + " that record is skipped";
        }
        return "malformed JSON" + (recordStart < 0 ? "" : " in " + record) + ": " + clean(e);
    }

    /** True when the input ended inside a JSON value: Jackson says so with either exception type. */
    private static boolean truncated(JsonProcessingException e) {
        return e instanceof JsonEOFException || String.valueOf(e.getOriginalMessage()).contains("end-of-input");
    }

    /** A failure of the underlying read (a gzip stream cut short or corrupt, a disk error). */
    private static String readFailure(IOException e) {
        if (e instanceof EOFException) {
            return "compressed data ends early (file cut short?)";
        }
        if (e instanceof ZipException) {
            return "compressed data is corrupt (" + e.getMessage() + ")";
        }
        return "read failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
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
                recordFields |= readRecordField(p, name);
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
                recordStart = offset(p);
                record.reset(recordIndex, recordStart);
                readRecordBody(p);
                recordStart = -1;
                handOn(p);
            } else {
                diag.problem(Problem.BAD_RECORD, "record " + recordIndex + " at byte " + offset(p),
                        "record is " + describe(t) + ", expected an object; skipped");
                recordIndex++;
                p.skipChildren();
            }
        }
    }

    /** Passes the record on; then, its end is where a later read may resume. Entry and return: on its END_OBJECT. */
    private void handOn(JsonParser p) {
        recordIndex++;
        handler.accept(record);
        long after = p.currentLocation().getByteOffset();
        end = new End(after >= 0 ? base + after : p.currentLocation().getCharOffset(), Shape.of(opening), after >= 0);
    }

    /** Entry: on the record's START_OBJECT. Return: on its END_OBJECT. */
    private void readRecordBody(JsonParser p) throws IOException {
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            readRecordField(p, name);
        }
    }

    /**
     * One field of a record. Entry: on the field's value. Return: on the value's last token.
     *
     * @return true when the field is one that flow-log records have
     */
    private boolean readRecordField(JsonParser p, String name) throws IOException {
        switch (name) {
            case "time" -> record.time = text(p, name);
            case "category" -> record.category = text(p, name);
            case "macAddress" -> record.macAddress = text(p, name);
            case "resourceId" -> record.resourceId = text(p, name);
            case "flowLogResourceID" -> record.flowLogResourceId = text(p, name);
            case "targetResourceID" -> record.targetResourceId = text(p, name);
            case "flowLogVersion" -> record.vnetVersion = version(p, name);
            case "properties" -> readProperties(p);
            case "flowRecords" -> readFlowRecords(p);
            default -> {
                p.skipChildren();
                return false;
            }
        }
        return true;
    }

    /** NSG {@code properties}. Entry: on its value. Return: on the value's last token. */
    private void readProperties(JsonParser p) throws IOException {
        if (!expect(p, JsonToken.START_OBJECT, "properties")) {
            return;
        }
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            switch (name) {
                case "Version" -> record.nsgVersion = version(p, "properties.Version");
                case "flows" -> readNsgRules(p);
                default -> p.skipChildren();
            }
        }
    }

    /** {@code properties.flows}: one entry per rule. Entry: on its value. Return: on its last token. */
    private void readNsgRules(JsonParser p) throws IOException {
        if (!expect(p, JsonToken.START_ARRAY, "properties.flows")) {
            return;
        }
        record.hasNsgFlows = true;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (!expect(p, JsonToken.START_OBJECT, "properties.flows entry")) {
                continue;
            }
            int firstGroup = record.groupCount();
            String rule = null;
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                p.nextToken();
                switch (name) {
                    case "rule" -> rule = text(p, "rule");
                    case "flows" -> readNsgMacGroups(p);
                    default -> p.skipChildren();
                }
            }
            record.nameGroups(firstGroup, rule, null);
        }
    }

    /** A rule's {@code flows}: one entry per MAC. Entry: on its value. Return: on its last token. */
    private void readNsgMacGroups(JsonParser p) throws IOException {
        if (!expect(p, JsonToken.START_ARRAY, "rule flows")) {
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (!expect(p, JsonToken.START_OBJECT, "rule flows entry")) {
                continue;
            }
            RawRecord.Group group = record.startGroup();
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                p.nextToken();
                switch (name) {
                    case "mac" -> group.mac = text(p, "mac");
                    case "flowTuples" -> readTuples(p);
                    default -> p.skipChildren();
                }
            }
            record.endGroup(group);
        }
    }

    /** VNet {@code flowRecords}. Entry: on its value. Return: on its last token. */
    private void readFlowRecords(JsonParser p) throws IOException {
        if (!expect(p, JsonToken.START_OBJECT, "flowRecords")) {
            return;
        }
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            if ("flows".equals(name)) {
                readVnetAcls(p);
            } else {
                p.skipChildren();
            }
        }
    }

    /** {@code flowRecords.flows}: one entry per ACL. Entry: on its value. Return: on its last token. */
    private void readVnetAcls(JsonParser p) throws IOException {
        if (!expect(p, JsonToken.START_ARRAY, "flowRecords.flows")) {
            return;
        }
        record.hasVnetFlows = true;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (!expect(p, JsonToken.START_OBJECT, "flowRecords.flows entry")) {
                continue;
            }
            int firstGroup = record.groupCount();
            String aclId = null;
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                p.nextToken();
                switch (name) {
                    case "aclID" -> aclId = text(p, "aclID");
                    case "flowGroups" -> readVnetGroups(p);
                    default -> p.skipChildren();
                }
            }
            record.nameGroups(firstGroup, null, aclId);
        }
    }

    /** An ACL's {@code flowGroups}: one entry per rule. Entry: on its value. Return: on its last token. */
    private void readVnetGroups(JsonParser p) throws IOException {
        if (!expect(p, JsonToken.START_ARRAY, "flowGroups")) {
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (!expect(p, JsonToken.START_OBJECT, "flowGroups entry")) {
                continue;
            }
            RawRecord.Group group = record.startGroup();
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                p.nextToken();
                switch (name) {
                    case "rule" -> group.rule = text(p, "rule");
                    case "flowTuples" -> readTuples(p);
                    default -> p.skipChildren();
                }
            }
            record.endGroup(group);
        }
    }

    /** {@code flowTuples}: copies each string's characters. Entry: on its value. Return: on its last token. */
    private void readTuples(JsonParser p) throws IOException {
        if (!expect(p, JsonToken.START_ARRAY, "flowTuples")) {
            return;
        }
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == JsonToken.VALUE_STRING) {
                record.addTuple(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            } else {
                record.problems.add("flowTuples entry is " + describe(t) + ", expected a string; skipped");
                p.skipChildren();
            }
        }
    }

    /**
     * True when the parser is on {@code expected}; otherwise notes the problem on the record and
     * skips the value. Entry and return: on the value (its last token when skipped).
     */
    private boolean expect(JsonParser p, JsonToken expected, String what) throws IOException {
        JsonToken t = p.currentToken();
        if (t == expected) {
            return true;
        }
        record.problems.add(what + " is " + describe(t) + ", expected " + describe(expected) + "; skipped");
        p.skipChildren();
        return false;
    }

    /** A string field's text; null for JSON null. Entry and return: on the value. */
    private String text(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t != JsonToken.VALUE_NULL) {
            record.problems.add("'" + field + "' is " + describe(t) + ", expected a string; ignored");
            p.skipChildren();
        }
        return null;
    }

    /**
     * A version number, written as a number or a numeric string; -1 for null, -2 when it is not a
     * number. Entry and return: on the value.
     */
    private int version(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        String text = switch (t) {
            case VALUE_NUMBER_INT, VALUE_STRING -> p.getText();
            case VALUE_NULL -> null;
            default -> {
                p.skipChildren();
                yield "";
            }
        };
        if (text == null) {
            return -1;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            record.problems.add("'" + field + "' is " + (t == JsonToken.VALUE_STRING ? "'" + text + "'" : describe(t))
                    + ", not a version number");
            return -2;
        }
    }

    /** The absolute offset of the current token (of its character, for UTF-16 or UTF-32 text). */
    private long offset(JsonParser p) {
        JsonLocation location = p.currentTokenLocation();
        return location.getByteOffset() >= 0 ? base + location.getByteOffset() : location.getCharOffset();
    }

    private String where(JsonParser p) {
        return at(p.currentLocation(), p);
    }

    /** "byte N", absolute; "character N" for text Jackson decoded to characters first (UTF-16, UTF-32). */
    private String at(JsonLocation location, JsonParser p) {
        JsonLocation l = location != null ? location : p.currentLocation();
        if (l.getByteOffset() >= 0) {
            return "byte " + (base + l.getByteOffset());
        }
        return "character " + Math.max(0, l.getCharOffset());
    }

    /** A parser over {@code input}, noting what its offsets count. */
    private JsonParser parser(ResumableInput input) throws IOException {
        JsonParser p = Json.FACTORY.createParser(input);
        unit = p.currentLocation().getByteOffset() < 0 ? "character" : "byte";
        return p;
    }

    /** Jackson's message without its source and location, which we print our own way. */
    private static String clean(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        int cut = m.indexOf(" (start marker at");
        if (cut > 0) {
            m = m.substring(0, cut);
        }
        return m.replace('\n', ' ').replace('\r', ' ').trim();
    }

    /** How a token reads in an error message. */
    static String describe(JsonToken t) {
        if (t == null) {
            return "end of input";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
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
