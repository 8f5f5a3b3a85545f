package io.nsgflow.format;

/** A named, typed column of an output table. */
public record Column(String name, ColumnType type) {
    public static Column text(String name) {
        return new Column(name, ColumnType.TEXT);
    }

    public static Column integer(String name) {
        return new Column(name, ColumnType.INTEGER);
    }

    public static Column decimal(String name) {
        return new Column(name, ColumnType.DECIMAL);
    }

    public boolean numeric() {
        return type != ColumnType.TEXT;
    }
}
