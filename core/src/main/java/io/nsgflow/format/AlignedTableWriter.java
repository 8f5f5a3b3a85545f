package io.nsgflow.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligned columns for people. Column widths come from the header and the first
 * {@value #SIZING_ROWS} rows; after that, rows stream at those widths (a longer value pushes its
 * row out rather than holding everything back), so a large result never sits in memory. Numbers
 * are right-aligned, null is {@code -}, and text from the input is escaped for the terminal.
 */
final class AlignedTableWriter implements TableWriter {
    static final int SIZING_ROWS = 200;
    private static final String GAP = "  ";

    private final TextOut out;
    private final boolean header;
    private final boolean multipleTables;
    private final List<String[]> pending = new ArrayList<>();
    private List<Column> columns;
    private int[] widths;
    private String[] row;
    private int cell;
    private int tables;

    AlignedTableWriter(TextOut out, boolean header, boolean multipleTables) {
        this.out = out;
        this.header = header;
        this.multipleTables = multipleTables;
    }

    @Override
    public void startTable(String name, List<Column> columns) {
        this.columns = columns;
        this.widths = null;
        if (tables++ > 0) {
            out.endLine();
        }
        if (multipleTables) {
            out.append(TerminalText.escape(name)).append(':');
            out.endLine();
        }
    }

    @Override
    public void beginRow() {
        row = new String[columns.size()];
        cell = 0;
    }

    @Override
    public void text(CharSequence value) {
        row[cell++] = value == null ? null : TerminalText.escape(value);
    }

    @Override
    public void integer(long value) {
        row[cell++] = Long.toString(value);
    }

    @Override
    public void decimal(double value) {
        row[cell++] = DecimalText.of(value);
    }

    @Override
    public void nul() {
        row[cell++] = null;
    }

    @Override
    public void endRow() {
        if (widths != null) {
            print(row);
            return;
        }
        pending.add(row);
        if (pending.size() == SIZING_ROWS) {
            flushPending();
        }
    }

    @Override
    public void endTable() {
        if (widths == null) {
            flushPending();
        }
    }

    @Override
    public void release() {
        if (widths == null && !pending.isEmpty()) {
            flushPending();
        }
    }

    @Override
    public void finish() {
        out.flush();
    }

    private void flushPending() {
        widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header ? columns.get(i).name().length() : 1;
        }
        for (String[] r : pending) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], shown(r[i]).length());
            }
        }
        if (header) {
            String[] names = new String[columns.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = columns.get(i).name();
            }
            print(names);
        }
        for (String[] r : pending) {
            print(r);
        }
        pending.clear();
    }

    private void print(String[] values) {
        int last = values.length - 1;
        for (int i = 0; i <= last; i++) {
            String v = shown(values[i]);
            int pad = widths[i] - v.length();
            boolean right = columns.get(i).numeric();
            if (right) {
                spaces(pad);
            }
            out.append(v);
            if (!right && i < last) {
                spaces(pad);
            }
            if (i < last) {
                out.append(GAP);
            }
        }
        out.endLine();
    }

    private void spaces(int n) {
        for (int i = 0; i < n; i++) {
            out.append(' ');
        }
    }

    private static String shown(String value) {
        return value == null ? "-" : value;
    }
}
