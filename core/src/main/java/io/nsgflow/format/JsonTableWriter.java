package io.nsgflow.format;

import io.nsgflow.result.CellRun;
import io.nsgflow.result.Column;
import io.nsgflow.result.TableSchema;
import io.nsgflow.result.TableSink;
import java.util.List;

/**
 * JSON and NDJSON. NDJSON is one object per row and line, with a {@code "table"} key first when
 * the result has several tables. JSON is one object whose keys are table names, each an array of
 * row objects, one row per line (a {@link TableSchema.Kind#RECORD} table is the object itself).
 * Keys are the column names, written once per table into ready prefixes so that a row costs only
 * its values; how each value is spelt is {@link JsonValues}'. A text or null cell outside a list,
 * most of a {@code flows} row (the record's names, the labels, absent counters), is copied with its
 * key as one run of ready bytes.
 */
final class JsonTableWriter implements TableSink {
    private final TextOut out;
    private final JsonValues values;
    private final boolean lines;
    private final boolean multipleTables;
    private List<Column> columns;
    private byte[][] keys;
    /** Per column: its key and the quote that opens a string, for the times and addresses. */
    private byte[][] keysOpeningStrings;
    private final CellText cells = new CellText();
    /** Per column: its key and a text value, as last spelt for each String. */
    private RepeatedText[] keyedTexts;
    /** Per column: its key and {@code null}. */
    private byte[][] keyedNulls;
    private byte[] tablePrefix;
    private boolean record;
    private int column;
    private int tables;
    private long rows;

    JsonTableWriter(TextOut out, boolean lines, boolean multipleTables) {
        this.out = out;
        this.values = new JsonValues(out);
        this.lines = lines;
        this.multipleTables = multipleTables;
    }

    @Override
    public void startTable(TableSchema table) {
        columns = table.columns();
        record = table.kind() == TableSchema.Kind.RECORD && !lines;
        keys = new byte[columns.size()][];
        keysOpeningStrings = new byte[keys.length][];
        keyedTexts = new RepeatedText[keys.length];
        keyedNulls = new byte[keys.length][];
        for (int i = 0; i < keys.length; i++) {
            String key = (i > 0 ? "," : "") + quote(columns.get(i).name()) + ":";
            byte[] keyBytes = keyText(key);
            keys[i] = keyBytes;
            keysOpeningStrings[i] = keyText(key + "\"");
            keyedTexts[i] = new RepeatedText((o, value) -> JsonValues.quoted(o.appendEncoded(keyBytes), value), RepeatedText.COLUMN_SLOTS);
            keyedNulls[i] = keyText(key + "null");
        }
        tablePrefix = keyText(lines && multipleTables ? "\"table\":" + quote(table.name()) + "," : "");
        if (!lines) {
            out.append(tables == 0 ? "{" : ",").append(quote(table.name())).append(':');
            if (!record) {
                out.append('[');
            }
        }
        tables++;
        rows = 0;
    }

    /** Keys are most of an NDJSON row's bytes: encoded once, copied in bulk. */
    private static byte[] keyText(String s) {
        return TextOut.encoded(s);
    }

    private static String quote(String s) {
        return JsonValues.quote(s);
    }

    @Override
    public void beginRow() {
        if (!lines && !record) {
            out.append(rows == 0 ? "\n" : ",\n");
        }
        rows++;
        out.append('{');
        if (keys.length > 0) {
            out.appendEncoded(tablePrefix);
        }
        column = 0;
    }

    /** Outside a list, the cell's key; inside one, nothing ({@link JsonValues} separates items). */
    private void key() {
        if (!values.inList()) {
            out.appendEncoded(keys[column++]);
        }
    }

    @Override
    public void text(CharSequence value) {
        if (values.inList()) {
            values.string(value);
        } else if (value == null) {
            nul();
        } else {
            keyedTexts[column++].append(out, value);
        }
    }

    @Override
    public void integer(long value) {
        if (values.inList()) {
            values.integer(value);
        } else {
            out.appendEncoded(keys[column++], value);
        }
    }

    @Override
    public void decimal(double value) {
        key();
        values.decimal(value);
    }

    @Override
    public void bool(boolean value) {
        key();
        values.bool(value);
    }

    @Override
    public void instant(long epochMillis) {
        if (values.inList()) {
            values.instant(epochMillis);
        } else {
            cells.time(out.appendEncoded(keysOpeningStrings[column++]), epochMillis);
            out.append('"');
        }
    }

    @Override
    public void address(long hi, long lo) {
        if (values.inList()) {
            values.address(hi, lo);
        } else {
            cells.ip(out.appendEncoded(keysOpeningStrings[column++]), hi, lo);
            out.append('"');
        }
    }

    @Override
    public void nul() {
        if (values.inList()) {
            values.nul();
        } else {
            out.appendEncoded(keyedNulls[column++]);
        }
    }

    @Override
    public void beginList() {
        Column list = columns.get(column);
        key();
        values.beginList(list);
    }

    @Override
    public void endList() {
        values.endList();
    }

    @Override
    public CellRun cellRun(int count) {
        return new KeptCells(out, () -> column += count);
    }

    @Override
    public void endRow() {
        out.append('}');
        if (lines) {
            out.endLine();
        }
    }

    @Override
    public void endTable() {
        if (!lines && !record) {
            out.append(rows == 0 ? "]" : "\n]");
        } else if (record && rows == 0) {
            out.append("null");
        }
    }

    @Override
    public void finish() {
        if (!lines) {
            out.append(tables == 0 ? "{}" : "}");
            out.endLine();
        }
        out.flush();
    }
}
