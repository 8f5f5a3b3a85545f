package io.nsgflow.result;

/**
 * What a column holds. Every writer maps each type to its own spelling (a table aligns numbers
 * right, JSON quotes text and times, Parquet picks a physical type); reporters only say the type.
 */
public enum ColumnType {
    /** Free text, such as a rule or NSG name; written with {@link TableSink#text}. */
    TEXT,
    /** A whole number ({@link TableSink#integer}); see {@link Measure} for what it counts. */
    INTEGER,
    /** A number with a fraction ({@link TableSink#decimal}). */
    DECIMAL,
    /** True or false ({@link TableSink#bool}). */
    BOOLEAN,
    /** A point in time, milliseconds since the epoch, UTC ({@link TableSink#instant}). */
    INSTANT,
    /** An IPv4 or IPv6 address in {@link io.nsgflow.model.IpAddress}'s two-long form ({@link TableSink#address}). */
    ADDRESS,
    /** A list of values, or of small records: see {@link Column#items()}. */
    LIST
}
