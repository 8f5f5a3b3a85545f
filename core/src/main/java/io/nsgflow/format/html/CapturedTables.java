package io.nsgflow.format.html;

import io.nsgflow.result.Results;
import io.nsgflow.result.TableSchema;
import io.nsgflow.result.TableSink;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tables one reporter wrote, held in memory for a writer that renders a whole result at once
 * (the HTML page). Only the first {@code keep} rows of each table are held, however many the
 * reporter writes, so that a page stays small for any input; every row is still counted, so the
 * page can say how many there were (a ranking written whole gives the number of distinct keys).
 * {@link #finish} completes nothing: the page is written once every reporter has finished.
 */
public final class CapturedTables implements TableSink {
    /** One table as captured: its schema and first rows, and how many rows it had in all. */
    public record Table(Results.Table kept, long total) {
    }

    private final int keep;
    private final Results results = new Results();
    private final Map<String, Long> totals = new LinkedHashMap<>();
    private String current;
    private long rows;
    /** The row being written is past {@link #keep}: its cells are dropped. */
    private boolean dropping;

    /** @param keep rows held per table */
    public CapturedTables(int keep) {
        this.keep = keep;
    }

    /** @throws IllegalArgumentException when the reporter wrote no table of that name */
    public Table table(String name) {
        return new Table(results.table(name), totals.getOrDefault(name, 0L));
    }

    /** Whether the reporter wrote a table of that name (some are written only when they have rows). */
    public boolean has(String name) {
        return totals.containsKey(name);
    }

    @Override
    public void startTable(TableSchema table) {
        results.startTable(table);
        current = table.name();
        rows = 0;
        totals.put(current, 0L);
    }

    @Override
    public void beginRow() {
        totals.put(current, ++rows);
        dropping = rows > keep;
        if (!dropping) {
            results.beginRow();
        }
    }

    @Override
    public void text(CharSequence value) {
        if (!dropping) {
            results.text(value);
        }
    }

    @Override
    public void integer(long value) {
        if (!dropping) {
            results.integer(value);
        }
    }

    @Override
    public void decimal(double value) {
        if (!dropping) {
            results.decimal(value);
        }
    }

    @Override
    public void bool(boolean value) {
        if (!dropping) {
            results.bool(value);
        }
    }

    @Override
    public void instant(long epochMillis) {
        if (!dropping) {
            results.instant(epochMillis);
        }
    }

    @Override
    public void address(long hi, long lo) {
        if (!dropping) {
            results.address(hi, lo);
        }
    }

    @Override
    public void nul() {
        if (!dropping) {
            results.nul();
        }
    }

    @Override
    public void beginList() {
        if (!dropping) {
            results.beginList();
        }
    }

    @Override
    public void endList() {
        if (!dropping) {
            results.endList();
        }
    }

    @Override
    public void endRow() {
        if (!dropping) {
            results.endRow();
        }
    }

    @Override
    public void endTable() {
        results.endTable();
    }

    @Override
    public void finish() {
    }
}
