package io.nsgflow.format;

import io.nsgflow.result.Column;

/**
 * Spells typed values as JSON onto a {@link TextOut}: text and times and addresses as strings,
 * numbers and booleans bare, lists as arrays (of values, or of objects keyed by the item
 * columns' names). Used by the JSON writers for every cell, and by CSV and TSV for list cells.
 * Outside a list the caller writes the key; inside one, this class writes the separators and
 * the items' keys.
 */
final class JsonValues {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final byte[] NULL = TextOut.encoded("null");
    private static final byte[] TRUE = TextOut.encoded("true");
    private static final byte[] FALSE = TextOut.encoded("false");

    private final TextOut out;
    private final CellText cells = new CellText();
    private final RepeatedText strings = new RepeatedText(JsonValues::quoted);
    private Column list;
    private int items;
    private int field;

    JsonValues(TextOut out) {
        this.out = out;
    }

    boolean inList() {
        return list != null;
    }

    void beginList(Column column) {
        list = column;
        items = 0;
        field = 0;
        out.append('[');
    }

    void endList() {
        out.append(']');
        list = null;
    }

    void string(CharSequence value) {
        if (value == null) {
            nul();
            return;
        }
        before();
        strings.append(out, value);
        after();
    }

    void integer(long value) {
        before();
        out.append(value);
        after();
    }

    void decimal(double value) {
        String text = DecimalText.of(value);
        if (text == null) {
            nul();
            return;
        }
        before();
        out.append(text);
        after();
    }

    void bool(boolean value) {
        before();
        out.appendEncoded(value ? TRUE : FALSE);
        after();
    }

    void instant(long millis) {
        before();
        out.append('"');
        cells.time(out, millis);
        out.append('"');
        after();
    }

    void address(long hi, long lo) {
        before();
        out.append('"');
        cells.ip(out, hi, lo);
        out.append('"');
        after();
    }

    void nul() {
        before();
        out.appendEncoded(NULL);
        after();
    }

    /** Inside a list: the comma before an item, and an item record's brace and key. */
    private void before() {
        if (list == null) {
            return;
        }
        if (!list.recordItems()) {
            if (items > 0) {
                out.append(',');
            }
            return;
        }
        if (field == 0) {
            out.append(items > 0 ? ",{" : "{");
        } else {
            out.append(',');
        }
        quoted(out, list.items().get(field).name());
        out.append(':');
    }

    private void after() {
        if (list == null) {
            return;
        }
        if (!list.recordItems() || ++field == list.items().size()) {
            if (list.recordItems()) {
                out.append('}');
                field = 0;
            }
            items++;
        }
    }

    /** {@code s} as a JSON string literal. */
    static String quote(String s) {
        java.io.StringWriter w = new java.io.StringWriter();
        TextOut t = new TextOut(w, false, 64);
        quoted(t, s);
        t.flush();
        return w.toString();
    }

    /** A JSON string: the usual case, nothing to escape, is copied in bulk. */
    static void quoted(TextOut out, CharSequence value) {
        out.append('"');
        int len = value.length();
        int plain = 0;
        while (plain < len && !needsEscape(value.charAt(plain))) {
            plain++;
        }
        out.append(value, 0, plain);
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
}
