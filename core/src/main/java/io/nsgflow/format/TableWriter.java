package io.nsgflow.format;

import java.util.List;

/**
 * Writes tables in one output format, a cell at a time so that a streaming report never builds a
 * row object. The call order is: for each table, {@code startTable}, then per row
 * {@code beginRow}, one cell call per column in order, {@code endRow}; then {@code endTable};
 * finally {@code finish} once.
 */
public interface TableWriter {
    void startTable(String name, List<Column> columns);

    void beginRow();

    /** A text cell; null writes the format's null. */
    void text(CharSequence value);

    void integer(long value);

    void decimal(double value);

    void nul();

    void endRow();

    void endTable();

    /**
     * Writes any rows held back (a table holds its first rows to size its columns), so that what
     * has been read so far is out; later rows keep the columns chosen then. For {@code follow},
     * after each poll.
     */
    default void release() {
    }

    /** Completes the document and flushes. */
    void finish();
}
