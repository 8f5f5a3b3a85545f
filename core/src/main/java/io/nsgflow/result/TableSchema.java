package io.nsgflow.result;

import java.util.List;

/**
 * One table of a result: its name (the JSON key, the {@code --table} choice), its columns and
 * what kind of rows it has.
 */
public record TableSchema(String name, List<Column> columns, Kind kind) {
    /** What the rows of a table are, which decides what {@code --sort} and {@code --limit} may do to them. */
    public enum Kind {
        /** Rows of their own (flows, conversations, a ranking): sorting and a limit apply. */
        ROWS,
        /** The parts of one whole (traffic by direction...): sorting applies, a limit would lose part of it. */
        BREAKDOWN,
        /** Exactly one row, a set of named values: JSON writes an object, a table one line per value. */
        RECORD
    }

    public TableSchema {
        columns = List.copyOf(columns);
    }

    public static TableSchema rows(String name, List<Column> columns) {
        return new TableSchema(name, columns, Kind.ROWS);
    }

    /** The column named {@code name}, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public TableSchema withColumns(List<Column> replaced) {
        return new TableSchema(name, replaced, kind);
    }
}
