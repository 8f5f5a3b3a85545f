package io.nsgflow.result;

import java.util.ArrayList;
import java.util.List;

/**
 * A result kept in memory: what a reporter wrote, table by table, with typed values (see
 * {@link Row}). Tests assert on it; a writer that needs a whole result at once (an HTML page) can
 * collect into it and render from there.
 */
public final class Results implements TableSink {
    /** One table and its rows. */
    public record Table(TableSchema schema, List<Row> rows) {
        public String name() {
            return schema.name();
        }
    }

    private final List<Table> tables = new ArrayList<>();
    private final RowBuilder row = new RowBuilder();
    private Table current;
    private boolean finished;

    public List<Table> tables() {
        return tables;
    }

    /** The table named {@code name}. @throws IllegalArgumentException when there is none */
    public Table table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table '" + name + "' in " + tables.stream().map(Table::name).toList()));
    }

    /** The rows of the only (or first) table. */
    public List<Row> rows() {
        return tables.get(0).rows();
    }

    public boolean finished() {
        return finished;
    }

    @Override
    public void startTable(TableSchema table) {
        current = new Table(table, new ArrayList<>());
        tables.add(current);
        row.start(table);
    }

    @Override
    public void beginRow() {
        row.beginRow();
    }

    @Override
    public void text(CharSequence value) {
        row.text(value);
    }

    @Override
    public void integer(long value) {
        row.value(value);
    }

    @Override
    public void decimal(double value) {
        row.value(value);
    }

    @Override
    public void bool(boolean value) {
        row.value(value);
    }

    @Override
    public void instant(long epochMillis) {
        row.instant(epochMillis);
    }

    @Override
    public void address(long hi, long lo) {
        row.address(hi, lo);
    }

    @Override
    public void nul() {
        row.value(null);
    }

    @Override
    public void beginList() {
        row.beginList();
    }

    @Override
    public void endList() {
        row.endList();
    }

    @Override
    public void endRow() {
        current.rows().add(row.endRow());
    }

    @Override
    public void endTable() {
        current = null;
    }

    @Override
    public void finish() {
        finished = true;
    }
}
