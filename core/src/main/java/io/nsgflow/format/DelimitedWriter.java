package io.nsgflow.format;

import java.util.List;

/**
 * CSV (RFC 4180 quoting, LF line ends) and TSV (no quoting; tab, newline, carriage return and
 * backslash escaped as {@code \t \n \r \\}). Null is an empty cell. When a report has several
 * tables, each gets a leading {@code table} column and its own header, separated by a blank line,
 * so that every line stays a valid row.
 */
final class DelimitedWriter implements TableWriter {
    private final TextOut out;
    private final char separator;
    private final boolean header;
    private final boolean multipleTables;
    private String tableName;
    private boolean firstCell;
    private int tables;

    DelimitedWriter(TextOut out, char separator, boolean header, boolean multipleTables) {
        this.out = out;
        this.separator = separator;
        this.header = header;
        this.multipleTables = multipleTables;
    }

    @Override
    public void startTable(String name, List<Column> columns) {
        tableName = name;
        if (tables++ > 0 && header) {
            out.endLine();
        }
        if (header) {
            firstCell = true; // not beginRow(): the header's first cell is the word "table", not the table's name
            if (multipleTables) {
                cell("table");
            }
            for (Column c : columns) {
                cell(c.name());
            }
            endRow();
        }
    }

    @Override
    public void beginRow() {
        firstCell = true;
        if (multipleTables) {
            cell(tableName);
        }
    }

    @Override
    public void text(CharSequence value) {
        if (value == null) {
            nul();
        } else {
            cell(value);
        }
    }

    @Override
    public void integer(long value) {
        separate();
        out.append(value);
    }

    @Override
    public void decimal(double value) {
        text(DecimalText.of(value));
    }

    @Override
    public void nul() {
        separate();
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
        if (firstCell) {
            firstCell = false;
        } else {
            out.append(separator);
        }
    }

    private void cell(CharSequence value) {
        separate();
        if (separator == '\t') {
            writeTsv(value);
        } else {
            writeCsv(value);
        }
    }

    private void writeCsv(CharSequence value) {
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

    private void writeTsv(CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
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
}
