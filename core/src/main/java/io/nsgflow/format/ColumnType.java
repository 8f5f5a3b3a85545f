package io.nsgflow.format;

/** How a column's values are written: JSON quotes text, tables right-align numbers. */
public enum ColumnType {
    TEXT,
    INTEGER,
    DECIMAL
}
