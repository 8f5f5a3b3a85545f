package io.nsgflow.format.html;

import io.nsgflow.format.Column;
import io.nsgflow.format.TableWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables one reporter wrote, held in memory for a writer that renders a whole result at once
 * (the HTML page). Only the first {@code keep} rows of each table are held, however many the
 * reporter writes, so that a page stays small for any input; every row is still counted, so the
 * page can say how many there were (a ranking written in full gives the number of distinct keys).
 * {@link #finish} completes nothing: the page is written once every reporter has finished.
 */
public final class CapturedTables implements TableWriter {
    /** One table: its columns, its first rows (String, Long, Double or null per cell), and how many rows it had. */
    public static final class Table {
        private final List<Column> columns;
        private final List<Object[]> rows = new ArrayList<>();
        private long total;

        Table(List<Column> columns) {
            this.columns = List.copyOf(columns);
        }

        public List<Column> columns() {
            return columns;
        }

        public List<Object[]> rows() {
            return rows;
        }

        /** Every row written, held or not. */
        public long total() {
            return total;
        }
    }

    private final int keep;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private Table current;
    private Object[] row;
    private int cell;

    /** @param keep rows held per table */
    public CapturedTables(int keep) {
        this.keep = keep;
    }

    /** The tables by name, in the order they were written. */
    public Map<String, Table> tables() {
        return tables;
    }

    /** @throws IllegalArgumentException when the reporter wrote no table of that name */
    public Table table(String name) {
        Table t = tables.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no table '" + name + "' in " + tables.keySet());
        }
        return t;
    }

    @Override
    public void startTable(String name, List<Column> columns) {
        current = new Table(columns);
        tables.put(name, current);
    }

    @Override
    public void beginRow() {
        current.total++;
        row = current.total <= keep ? new Object[current.columns.size()] : null;
        cell = 0;
    }

    private void put(Object value) {
        if (row != null) {
            row[cell] = value;
        }
        cell++;
    }

    @Override
    public void text(CharSequence value) {
        put(value == null ? null : value.toString());
    }

    @Override
    public void integer(long value) {
        put(value);
    }

    @Override
    public void decimal(double value) {
        put(value);
    }

    @Override
    public void nul() {
        put(null);
    }

    @Override
    public void endRow() {
        if (row != null) {
            current.rows.add(row);
        }
    }

    @Override
    public void endTable() {
        current = null;
    }

    @Override
    public void finish() {
    }
}
