package io.nsgflow.format;

import io.nsgflow.result.Column;
import io.nsgflow.result.ColumnType;
import io.nsgflow.result.Measure;
import io.nsgflow.result.TableSchema;
import io.nsgflow.result.TableSink;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligned columns for people, fitted to the terminal. Column widths come from the header and the
 * first {@value #SIZING_ROWS} rows (all rows of a table with a charted column, whose bars scale to
 * the largest value); after that rows stream at those widths, and a longer value is shortened
 * with an ellipsis, so that rows never go ragged and a large result never sits in memory.
 *
 * <p>When the columns are wider than the terminal, {@link TableLayout} leaves out columns by
 * priority and shortens long text. Numbers are right-aligned and human-readable unless exact;
 * null is {@code -}; a cell that only repeats another column's value is blank; text from the
 * input is escaped for the terminal. A one-row {@link TableSchema.Kind#RECORD} table is shown as
 * one line per value. With several tables, each is titled and empty ones are left out.
 */
final class AlignedTableWriter implements TableSink {
    static final int SIZING_ROWS = 200;
    static final String GAP = "  ";
    static final char ELLIPSIS = '…';

    private final TextOut out;
    private final WriterOptions options;
    private final CellText cells = new CellText();
    private final HumanList list = new HumanList();
    private final List<String[]> pending = new ArrayList<>();
    private final List<Long> pendingCharted = new ArrayList<>();
    private TableSchema table;
    private List<Column> columns;
    private int chartedColumn;
    private boolean holdAll;
    private TableLayout layout;
    private Bars bars;
    private String[] row;
    private long charted;
    private int cell;
    private int tablesShown;

    AlignedTableWriter(TextOut out, WriterOptions options) {
        this.out = out;
        this.options = options;
    }

    @Override
    public void startTable(TableSchema schema) {
        table = schema;
        columns = schema.columns();
        layout = null;
        bars = null;
        chartedColumn = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).charted()) {
                chartedColumn = i;
            }
        }
        holdAll = chartedColumn >= 0 || schema.kind() == TableSchema.Kind.RECORD;
    }

    @Override
    public void beginRow() {
        row = new String[columns.size()];
        cell = 0;
        charted = 0;
    }

    private void put(String value, Measure measure) {
        if (list.inList()) {
            list.add(value, measure);
        } else {
            row[cell++] = value;
        }
    }

    private Column current() {
        return list.inList() ? list.itemColumn() : columns.get(cell);
    }

    @Override
    public void text(CharSequence value) {
        put(value == null ? null : TerminalText.escape(value), Measure.NONE);
    }

    @Override
    public void integer(long value) {
        Column c = current();
        if (!list.inList() && cell == chartedColumn) {
            charted = value;
        }
        put(HumanNumbers.integer(value, c.measure(), options.exact()), c.measure());
    }

    @Override
    public void decimal(double value) {
        Column c = current();
        put(HumanNumbers.decimal(value, c.measure(), options.exact()), c.measure());
    }

    @Override
    public void bool(boolean value) {
        put(value ? "yes" : "no", Measure.NONE);
    }

    @Override
    public void instant(long epochMillis) {
        put(cells.time(epochMillis).toString(), Measure.NONE);
    }

    @Override
    public void address(long hi, long lo) {
        put(cells.ip(hi, lo).toString(), Measure.NONE);
    }

    @Override
    public void nul() {
        put(null, current().measure());
    }

    @Override
    public void beginList() {
        list.begin(columns.get(cell));
    }

    @Override
    public void endList() {
        put(list.end(), Measure.NONE);
    }

    @Override
    public void endRow() {
        if (layout != null) {
            print(row, charted);
            return;
        }
        pending.add(row);
        pendingCharted.add(charted);
        if (!holdAll && pending.size() == SIZING_ROWS) {
            flushPending();
        }
    }

    @Override
    public void endTable() {
        if (layout == null) {
            flushPending();
        }
    }

    @Override
    public void release() {
        if (layout == null && !holdAll && !pending.isEmpty()) {
            flushPending();
        }
    }

    @Override
    public void finish() {
        out.flush();
    }

    private void flushPending() {
        if (options.multipleTables() && pending.isEmpty()) {
            return;
        }
        if (options.multipleTables()) {
            if (tablesShown > 0) {
                out.endLine();
            }
            out.append(TerminalText.escape(table.name())).append(':');
            out.endLine();
        }
        tablesShown++;
        if (table.kind() == TableSchema.Kind.RECORD) {
            printRecords();
            return;
        }
        layout = TableLayout.fit(columns, pending, options.header(), options.width(), chartedColumn >= 0);
        if (chartedColumn >= 0 && layout.barWidth() > 0) {
            long max = pendingCharted.stream().mapToLong(Long::longValue).max().orElse(0);
            bars = new Bars(layout.barWidth(), max);
        }
        if (options.header()) {
            String[] names = new String[columns.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = columns.get(i).name();
            }
            printCells(names, true);
            if (bars != null) {
                out.append(GAP).append("bar");
            }
            out.endLine();
        }
        for (int i = 0; i < pending.size(); i++) {
            print(pending.get(i), pendingCharted.get(i));
        }
        pending.clear();
        pendingCharted.clear();
    }

    private void print(String[] values, long chartedValue) {
        printCells(values, false);
        if (bars != null) {
            String bar = bars.of(chartedValue);
            if (!bar.isEmpty()) {
                out.append(GAP).append(bar);
            }
        }
        out.endLine();
    }

    private void printCells(String[] values, boolean header) {
        int[] shown = layout.shown();
        int[] widths = layout.widths();
        for (int k = 0; k < shown.length; k++) {
            int i = shown[k];
            Column c = columns.get(i);
            String v = header ? values[i] : layout.cell(values, i);
            v = fit(v, widths[k], c, header);
            int pad = widths[k] - v.length();
            boolean right = c.numeric();
            boolean last = k == shown.length - 1 && bars == null;
            if (k > 0) {
                out.append(GAP);
            }
            if (right) {
                spaces(pad);
            }
            out.append(v);
            if (!right && !last) {
                spaces(pad);
            }
        }
    }

    /** {@code v} within {@code width}: a too-long number is made human-readable, anything else shortened with an ellipsis. */
    private static String fit(String v, int width, Column c, boolean header) {
        if (v.length() <= width) {
            return v;
        }
        if (!header && c.type() == ColumnType.INTEGER && c.measure() != Measure.NONE) {
            try {
                String human = HumanNumbers.integer(Long.parseLong(v), c.measure(), false);
                if (human.length() <= width) {
                    return human;
                }
            } catch (NumberFormatException alreadyHuman) {
                // shortened below
            }
        }
        return width <= 1 ? String.valueOf(ELLIPSIS) : v.substring(0, width - 1) + ELLIPSIS;
    }

    /** A one-row table: each column's name and value on a line of its own. */
    private void printRecords() {
        int nameWidth = 0;
        for (Column c : columns) {
            nameWidth = Math.max(nameWidth, c.name().length());
        }
        int valueWidth = options.width() > 0 ? Math.max(1, options.width() - nameWidth - GAP.length()) : Integer.MAX_VALUE;
        for (String[] r : pending) {
            for (int i = 0; i < columns.size(); i++) {
                String name = columns.get(i).name();
                String v = r[i] == null ? "-" : r[i];
                out.append(name);
                spaces(nameWidth - name.length());
                out.append(GAP).append(v.length() <= valueWidth ? v : v.substring(0, valueWidth - 1) + ELLIPSIS);
                out.endLine();
            }
        }
        pending.clear();
        pendingCharted.clear();
    }

    private void spaces(int n) {
        for (int i = 0; i < n; i++) {
            out.append(' ');
        }
    }
}
