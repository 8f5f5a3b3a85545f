package io.nsgflow.format;

import java.util.List;

/**
 * JSON and NDJSON. NDJSON is one object per row and line, with a {@code "table"} key first when
 * the report has several tables. JSON is one object whose keys are table names, each an array of
 * row objects, one row per line. Keys are the column names, written once per table into ready
 * prefixes so that a row costs only its values.
 */
final class JsonTableWriter implements TableWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final TextOut out;
    private final boolean lines;
    private final boolean multipleTables;
    private char[][] keys;
    private char[] tablePrefix;
    private int column;
    private int tables;
    private long rows;

    JsonTableWriter(TextOut out, boolean lines, boolean multipleTables) {
        this.out = out;
        this.lines = lines;
        this.multipleTables = multipleTables;
    }

    @Override
    public void startTable(String name, List<Column> columns) {
        keys = new char[columns.size()][];
        for (int i = 0; i < keys.length; i++) {
            StringBuilder sb = new StringBuilder();
            if (i > 0) {
                sb.append(',');
            }
            quote(sb, columns.get(i).name());
            keys[i] = sb.append(':').toString().toCharArray();
        }
        StringBuilder prefix = new StringBuilder();
        if (lines && multipleTables) {
            prefix.append("\"table\":");
            quote(prefix, name);
            prefix.append(',');
        }
        tablePrefix = prefix.toString().toCharArray();
        if (!lines) {
            out.append(tables == 0 ? "{" : ",");
            StringBuilder key = new StringBuilder();
            quote(key, name);
            out.append(key).append(":[");
        }
        tables++;
        rows = 0;
    }

    @Override
    public void beginRow() {
        if (!lines) {
            out.append(rows == 0 ? "\n" : ",\n");
        }
        rows++;
        out.append('{');
        if (keys.length > 0) {
            out.append(tablePrefix, 0, tablePrefix.length);
        }
        column = 0;
    }

    private void key() {
        char[] k = keys[column++];
        out.append(k, 0, k.length);
    }

    @Override
    public void text(CharSequence value) {
        if (value == null) {
            nul();
            return;
        }
        key();
        out.append('"');
        int len = value.length();
        int plain = 0;
        while (plain < len && !needsEscape(value.charAt(plain))) {
            plain++;
        }
        out.append(value, 0, plain); // the usual case is all of it
        for (int i = plain; i < len; i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                        .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static boolean needsEscape(char c) {
        return c == '"' || c == '\\' || c < 0x20 || c == 0x2028 || c == 0x2029;
    }

    @Override
    public void integer(long value) {
        key();
        out.append(value);
    }

    @Override
    public void decimal(double value) {
        String text = DecimalText.of(value);
        if (text == null) {
            nul();
        } else {
            key();
            out.append(text);
        }
    }

    @Override
    public void nul() {
        key();
        out.append("null");
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
        if (!lines) {
            out.append(rows == 0 ? "]" : "\n]");
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

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }
}
