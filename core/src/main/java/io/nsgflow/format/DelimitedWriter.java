package io.nsgflow.format;

import io.nsgflow.result.CellRun;
import io.nsgflow.result.Column;
import io.nsgflow.result.TableSchema;
import io.nsgflow.result.TableSink;
import java.io.StringWriter;
import java.util.List;

/**
 * CSV (RFC 4180 quoting, LF line ends) and TSV (no quoting; tab, newline, carriage return and
 * backslash escaped as {@code \t \n \r \\}). One header and one schema per stream, as every CSV
 * reader expects: a result of several tables is written one table at a time ({@code --table}).
 * Null is an empty cell; times are ISO-8601 UTC; booleans {@code true}/{@code false}; a list is
 * one cell holding its JSON array, which keeps it whole and parseable.
 */
final class DelimitedWriter implements TableSink {
    private static final byte[] NOTHING = {};

    private final TextOut out;
    private final char separator;
    private final byte[] separatorBytes;
    private final boolean header;
    private final CellText cells = new CellText();
    /** How this format spells a text cell. */
    private final RepeatedText.Spelling spelling;
    /** Per column: a text cell with the separator before it, as last spelt for each String. */
    private RepeatedText[] texts;
    /** Where a list cell's JSON is built before it is written as one quoted cell. */
    private final StringWriter listText = new StringWriter();
    private final TextOut listOut = new TextOut(listText, false, 1024);
    private final JsonValues list = new JsonValues(listOut);
    private List<Column> columns;
    /** The cells of the row (or header) so far. */
    private int cell;

    DelimitedWriter(TextOut out, char separator, boolean header) {
        this.out = out;
        this.separator = separator;
        this.separatorBytes = TextOut.encoded(String.valueOf(separator));
        this.header = header;
        this.spelling = separator == '\t' ? DelimitedWriter::writeTsv : DelimitedWriter::writeCsv;
    }

    @Override
    public void startTable(TableSchema table) {
        columns = table.columns();
        texts = new RepeatedText[columns.size()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = new RepeatedText(i == 0 ? spelling : (o, value) -> spelling.spell(o.append(separator), value),
                    RepeatedText.COLUMN_SLOTS);
        }
        if (header) {
            cell = 0;
            for (Column c : columns) {
                cell(c.name());
            }
            out.endLine();
        }
    }

    @Override
    public void beginRow() {
        cell = 0;
    }

    @Override
    public void text(CharSequence value) {
        if (list.inList()) {
            list.string(value);
        } else if (value == null) {
            nul();
        } else {
            cell(value);
        }
    }

    @Override
    public void integer(long value) {
        if (list.inList()) {
            list.integer(value);
            return;
        }
        out.appendEncoded(cell++ > 0 ? separatorBytes : NOTHING, value); // one check for room
    }

    @Override
    public void decimal(double value) {
        if (list.inList()) {
            list.decimal(value);
        } else {
            text(DecimalText.of(value));
        }
    }

    @Override
    public void bool(boolean value) {
        if (list.inList()) {
            list.bool(value);
        } else {
            cell(value ? "true" : "false");
        }
    }

    @Override
    public void instant(long epochMillis) {
        if (list.inList()) {
            list.instant(epochMillis);
        } else {
            separate();
            cells.time(out, epochMillis); // digits, dashes, colons: nothing to quote or escape
        }
    }

    @Override
    public void address(long hi, long lo) {
        if (list.inList()) {
            list.address(hi, lo);
        } else {
            separate();
            cells.ip(out, hi, lo); // digits, dots and colons: nothing to quote or escape
        }
    }

    @Override
    public void nul() {
        if (list.inList()) {
            list.nul();
        } else {
            separate();
        }
    }

    @Override
    public void beginList() {
        list.beginList(columns.get(cell));
    }

    @Override
    public void endList() {
        list.endList();
        listOut.flush();
        cell(listText.getBuffer());
        listText.getBuffer().setLength(0);
    }

    @Override
    public CellRun cellRun(int count) {
        return new KeptCells(out, () -> cell += count);
    }

    @Override
    public void endRow() {
        out.endLine();
    }

    @Override
    public void endTable() {
        // rows end themselves; nothing closes a delimited table
    }

    @Override
    public void finish() {
        out.flush();
    }

    private void separate() {
        if (cell++ > 0) {
            out.append(separator);
        }
    }

    /** A text cell: with its separator, one run of ready bytes when the column had this String before. */
    private void cell(CharSequence value) {
        texts[cell++].append(out, value);
    }

    private static void writeCsv(TextOut out, CharSequence value) {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.append(value);
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }

    private static void writeTsv(TextOut out, CharSequence value) {
        int plain = 0;
        while (plain < value.length() && !escapedInTsv(value.charAt(plain))) {
            plain++;
        }
        out.append(value, 0, plain); // the usual case, nothing to escape, in bulk
        for (int i = plain; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\\' -> out.append("\\\\");
                default -> out.append(c);
            }
        }
    }

    private static boolean escapedInTsv(char c) {
        return c == '\t' || c == '\n' || c == '\r' || c == '\\';
    }
}
