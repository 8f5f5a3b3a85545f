package io.nsgflow.parse;

import static io.nsgflow.parse.ReadMessages.describe;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads the fields of one flow-log record into a {@link RawRecord}: the header strings, and the
 * nested arrays of either schema with one reader that {@link FlowLogSchema} describes. A field of
 * the wrong JSON type is noted on the record and skipped, so that the rest of the record still
 * counts. Each method documents where the parser stands on entry and on return.
 */
final class RecordFields {
    private final RawRecord record;
    /** Where each schema's entries begin among the record's groups: a repeated key drops them from there. */
    private final int[] entriesStart = new int[FlowLogSchema.ALL.length];

    RecordFields(RawRecord record) {
        this.record = record;
    }

    /**
     * One field of a record. Entry: on the field's value. Return: on the value's last token.
     *
     * @return true when the field is one that flow-log records have
     */
    boolean read(JsonParser p, String name) throws IOException {
        switch (name) {
            case "time" -> record.time = text(p, name);
            case "category" -> record.category = text(p, name);
            case "macAddress" -> record.macAddress = text(p, name);
            case "resourceId" -> record.resourceId = text(p, name);
            case "flowLogResourceID" -> record.flowLogResourceId = text(p, name);
            case "targetResourceID" -> record.targetResourceId = text(p, name);
            default -> {
                return readSchemaField(p, name);
            }
        }
        return true;
    }

    /** A schema's container or version field, or a field flow logs do not have (skipped). */
    private boolean readSchemaField(JsonParser p, String name) throws IOException {
        for (FlowLogSchema schema : FlowLogSchema.ALL) {
            if (name.equals(schema.container)) {
                readContainer(p, schema);
                return true;
            }
            if (name.equals(schema.recordVersion)) {
                record.setVersion(schema, version(p, name));
                return true;
            }
        }
        p.skipChildren();
        return false;
    }

    /** {@code properties} or {@code flowRecords}. Entry: on its value. Return: on the value's last token. */
    private void readContainer(JsonParser p, FlowLogSchema schema) throws IOException {
        record.dropSchema(schema, entriesStart[schema.ordinal()]); // a repeated container: the last wins
        if (!expect(p, JsonToken.START_OBJECT, schema.container)) {
            return;
        }
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            if (name.equals(schema.entries.array())) {
                readEntries(p, schema);
            } else if (name.equals(schema.containerVersion)) {
                record.setVersion(schema, version(p, schema.container + "." + name));
            } else {
                p.skipChildren();
            }
        }
    }

    /**
     * The container's array: one entry per rule (NSG) or ACL (VNet), whose name goes to every
     * group it holds. Entry: on its value. Return: on its last token.
     */
    private void readEntries(JsonParser p, FlowLogSchema schema) throws IOException {
        FlowLogSchema.Level level = schema.entries;
        if (!expect(p, JsonToken.START_ARRAY, level.label())) {
            return;
        }
        record.dropSchema(schema, entriesStart[schema.ordinal()]); // a repeated key: the last value wins, as in any JSON reader
        entriesStart[schema.ordinal()] = record.groupCount();
        record.markSchema(schema);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (!expect(p, JsonToken.START_OBJECT, level.label() + " entry")) {
                continue;
            }
            int firstGroup = record.groupCount();
            String entryName = null;
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                p.nextToken();
                if (name.equals(level.nameField())) {
                    entryName = text(p, name);
                } else if (name.equals(schema.groups.array())) {
                    record.dropGroups(firstGroup); // when the key repeats, the last value wins
                    readGroups(p, schema.groups);
                } else {
                    p.skipChildren();
                }
            }
            if (record.groupCount() == firstGroup && entryName != null && level.name() == RawRecord.Name.RULE) {
                // Azure lists every rule of the NSG, hit or not: an empty group keeps "named, no tuples"
                record.endGroup(record.startGroup());
            }
            record.nameGroups(firstGroup, level.name(), entryName);
        }
    }

    /**
     * An entry's array: one group of tuples per MAC (NSG) or rule (VNet). Entry: on its value.
     * Return: on its last token.
     */
    private void readGroups(JsonParser p, FlowLogSchema.Level level) throws IOException {
        if (!expect(p, JsonToken.START_ARRAY, level.label())) {
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (!expect(p, JsonToken.START_OBJECT, level.label() + " entry")) {
                continue;
            }
            RawRecord.Group group = record.startGroup();
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                p.nextToken();
                if (name.equals(level.nameField())) {
                    group.set(level.name(), text(p, name));
                } else if (name.equals(FlowLogSchema.TUPLES)) {
                    record.dropTuples(group); // when the key repeats, the last value wins
                    readTuples(p);
                } else {
                    p.skipChildren();
                }
            }
            record.endGroup(group);
        }
    }

    /**
     * {@code flowTuples}: copies each string's text into the record, as UTF-8 bytes. A
     * {@link TupleBytesParser} hands the plain strings straight from its input bytes, before each
     * token Jackson reads: after the opening bracket, and after each element it left to Jackson.
     * Entry: on its value. Return: on its last token.
     */
    private void readTuples(JsonParser p) throws IOException {
        if (!expect(p, JsonToken.START_ARRAY, FlowLogSchema.TUPLES)) {
            return;
        }
        TupleBytesParser bytes = p instanceof TupleBytesParser b ? b : null;
        while (true) {
            if (bytes != null) {
                bytes.addPlainTuples(record);
            }
            JsonToken t = p.nextToken();
            if (t == JsonToken.END_ARRAY) {
                return;
            }
            if (t == JsonToken.VALUE_STRING) {
                record.addTuple(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            } else {
                record.problems.add(FlowLogSchema.TUPLES + " entry is " + describe(t) + ", expected a string; skipped");
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
     * A version number, written as a number or a numeric string; -1 for null,
     * {@link RawRecord#NOT_A_VERSION} when it is not a number, which is said here, once (the decoder then skips the record without a second word).
     * A whole number written as a decimal ({@code 2.0}) is that number, as any JSON reader
     * comparing values takes it. Entry and return: on the value.
     */
    private int version(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            double v = p.getDoubleValue();
            if (v == Math.rint(v) && Math.abs(v) < Integer.MAX_VALUE) {
                return (int) v;
            }
        }
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
            record.problems.add("'" + field + "' is " + (t == JsonToken.VALUE_STRING ? "'" + text + "'"
                    : t == JsonToken.VALUE_NUMBER_FLOAT ? p.getText() : describe(t)) + ", not a version number; record skipped");
            return RawRecord.NOT_A_VERSION;
        }
    }
}
