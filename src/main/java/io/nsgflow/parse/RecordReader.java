package io.nsgflow.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.nsgflow.diag.FileDiagnostics;
import io.nsgflow.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Streams the records of one input with Jackson's token parser, a record at a time, never a tree.
 * Accepts the three shapes flow logs come in: Azure's {@code {"records":[...]}} blob (one line or
 * re-indented), a bare array of records, and one record object per line. Every record is handed
 * on whole; bad JSON is reported with its byte offset and ends the input, keeping every complete
 * record before it.
 *
 * <p>Each {@code read...} method documents where the parser stands on entry and on return.
 */
public final class RecordReader {
    private final RawRecord record = new RawRecord();
    private long recordIndex;

    /**
     * Reads {@code in} to its end, or to the first JSON error, passing each record to
     * {@code handler}. Problems go to {@code diag}.
     *
     * @return how many records were read
     */
    public long read(InputStream in, FileDiagnostics diag, Consumer<RawRecord> handler) {
        recordIndex = 0;
        JsonParser p = null;
        try {
            p = Json.FACTORY.createParser(in);
            JsonToken t = p.nextToken();
            if (t == null) {
                diag.problem(Problem.BAD_JSON, "byte 0", "empty input (no JSON at all)");
                return 0;
            }
            for (; t != null; t = p.nextToken()) {
                if (t == JsonToken.START_OBJECT) {
                    readRootObject(p, diag, handler);
                } else if (t == JsonToken.START_ARRAY) {
                    readRecordArray(p, diag, handler);
                } else {
                    diag.problem(Problem.NOT_FLOW_LOG, where(p),
                            "not a flow log: expected a JSON object or array, found " + describe(t));
                    return recordIndex;
                }
            }
        } catch (StreamConstraintsException e) {
            diag.problem(Problem.BAD_JSON, where(p), "input exceeds a safety limit: " + clean(e) + "; rest of input skipped");
        } catch (JsonProcessingException e) {
            String reason = e instanceof JsonEOFException ? "truncated: " + clean(e) : "malformed JSON: " + clean(e);
            diag.problem(Problem.BAD_JSON, at(e.getLocation(), p), reason + "; rest of input skipped");
        } catch (IOException e) {
            diag.problem(Problem.BAD_JSON, where(p), "read failed: " + e.getMessage() + "; rest of input skipped");
        } finally {
            closeQuietly(p);
        }
        return recordIndex;
    }

    /**
     * A root object: the {@code records} envelope, or itself a record (one record per line).
     * Entry: on its START_OBJECT. Return: on its END_OBJECT.
     */
    private void readRootObject(JsonParser p, FileDiagnostics diag, Consumer<RawRecord> handler) throws IOException {
        long offset = offset(p);
        boolean envelope = false;
        boolean recordFields = false;
        record.reset(recordIndex, offset);
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken value = p.nextToken();
            if ("records".equals(name)) {
                envelope = true;
                if (value == JsonToken.START_ARRAY) {
                    readRecordArray(p, diag, handler);
                    record.reset(recordIndex, offset);
                } else {
                    diag.problem(Problem.NOT_FLOW_LOG, where(p), "'records' is " + describe(value) + ", expected an array");
                    p.skipChildren();
                }
            } else {
                recordFields |= readRecordField(p, name);
            }
        }
        if (!envelope) {
            if (recordFields) {
                handOn(handler);
            } else {
                diag.problem(Problem.NOT_FLOW_LOG, "byte " + offset,
                        "not a flow log: the JSON object has no 'records' array and no flow-log record fields");
            }
        }
    }

    /**
     * An array of records. Entry: on its START_ARRAY. Return: on its END_ARRAY.
     */
    private void readRecordArray(JsonParser p, FileDiagnostics diag, Consumer<RawRecord> handler) throws IOException {
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == JsonToken.START_OBJECT) {
                record.reset(recordIndex, offset(p));
                readRecordBody(p);
                handOn(handler);
            } else {
                diag.problem(Problem.BAD_RECORD, "record " + recordIndex + " at byte " + offset(p),
                        "record is " + describe(t) + ", expected an object; skipped");
                recordIndex++;
                p.skipChildren();
            }
        }
    }

    private void handOn(Consumer<RawRecord> handler) {
        recordIndex++;
        handler.accept(record);
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

    private static long offset(JsonParser p) {
        return p.currentTokenLocation().getByteOffset();
    }

    private static String where(JsonParser p) {
        return p == null ? "byte 0" : at(p.currentLocation(), p);
    }

    private static String at(JsonLocation location, JsonParser p) {
        long offset = location != null && location.getByteOffset() >= 0 ? location.getByteOffset()
                : p != null ? p.currentLocation().getByteOffset() : 0;
        return "byte " + offset;
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
