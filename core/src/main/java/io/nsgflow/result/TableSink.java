package io.nsgflow.result;

/**
 * Where a reporter sends its result: tables of typed cells, pushed one cell at a time so that a
 * streaming report ({@code flows}) builds no row object and its rows reach the writer as they are
 * read. Every output format implements this (table, CSV, TSV, JSON, NDJSON, and any new one);
 * so do the stages between a reporter and a writer ({@code --fields}, {@code --sort},
 * {@code --limit}) and {@link Results}, which keeps a result in memory for tests and for writers
 * that need all of it at once.
 *
 * <p>Call order: for each table, {@link #startTable}; per row {@link #beginRow}, one cell call
 * per column in the schema's order, {@link #endRow}; then {@link #endTable}; finally
 * {@link #finish} once. A {@link ColumnType#LIST} cell is {@link #beginList}, then per item one
 * cell (a list of values) or one cell per item column (a list of records), then {@link #endList}.
 * {@link #nul} stands for any cell, a list included. Cells carry data only; how it is spelt is
 * the writer's business.
 */
public interface TableSink {
    void startTable(TableSchema table);

    void beginRow();

    /** A {@link ColumnType#TEXT} cell; null writes the format's null. The sequence may be reused after the call. */
    void text(CharSequence value);

    void integer(long value);

    void decimal(double value);

    void bool(boolean value);

    /** Milliseconds since the epoch, UTC. */
    void instant(long epochMillis);

    /** An address in {@link io.nsgflow.model.IpAddress}'s two-long form. */
    void address(long hi, long lo);

    void nul();

    void beginList();

    void endList();

    void endRow();

    void endTable();

    /**
     * How many of {@code table}'s first rows, in the order they are written, reach the output: 0
     * for all. A reporter that ranks many keys may then write only those, found without sorting
     * every key; the rows it writes must be the first ones of its whole ranking, ties included.
     */
    default int rowsWanted(TableSchema table) {
        return 0;
    }

    /**
     * Writes any rows held back only to size columns (a table holds its first rows for that), so
     * that what has been read so far is out; later rows keep the columns chosen then. For
     * {@code follow}, after each poll. Rows held to be sorted stay held.
     */
    default void release() {
    }

    /**
     * The next {@code count} cells of every row of the current table (from the column where a
     * row's first use of it starts, the same in each row) as a {@link CellRun}, which repeats them
     * whole for rows with the same values there; null when this sink writes each cell on its own
     * (a table measures its cells, a shaping stage may drop or reorder them). Asked after
     * {@link #startTable}.
     */
    default CellRun cellRun(int count) {
        return null;
    }

    /** Completes the document and flushes. */
    void finish();
}
