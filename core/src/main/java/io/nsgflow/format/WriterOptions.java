package io.nsgflow.format;

/**
 * How a writer renders, as the command line and the terminal decide it.
 *
 * @param header         write column headers (CSV, TSV, table)
 * @param multipleTables the result has more than one table, so rows or sections say which they belong to
 * @param width          the terminal's width in columns, which a table fits itself into; 0 for no limit
 *                       (a table written to a pipe or file keeps every default column whole)
 * @param exact          tables show numbers in full rather than human-readable ({@code 1.2 GB}); machine
 *                       formats are always exact
 */
public record WriterOptions(boolean header, boolean multipleTables, int width, boolean exact) {
    /** The widest terminal believed: a larger width from the environment is taken as this. */
    public static final int MAX_WIDTH = 1000;

    public WriterOptions {
        width = Math.max(0, Math.min(width, MAX_WIDTH));
    }

    /** Headers, one table, no width limit, human-readable numbers. */
    public static WriterOptions defaults() {
        return new WriterOptions(true, false, 0, false);
    }

    public WriterOptions withMultipleTables(boolean multiple) {
        return new WriterOptions(header, multiple, width, exact);
    }
}
