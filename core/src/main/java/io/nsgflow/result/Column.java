package io.nsgflow.result;

import java.util.List;

/**
 * A named, typed column of a result table, with the hints a writer for people may use and a
 * machine format ignores.
 *
 * @param name          the key in JSON and the CSV header; unique in its table
 * @param type          what the column holds
 * @param measure       what a number measures ({@link Measure#NONE} for everything else)
 * @param items         for a {@link ColumnType#LIST}: the columns of one item; a single column
 *                      named {@code ""} makes a list of plain values, named columns a list of
 *                      records. Empty for other types
 * @param priority      how readily a table that does not fit the terminal leaves the column out:
 *                      0 never, higher numbers first; {@link #HIDDEN} columns are shown in tables
 *                      only when the user names them ({@code --fields})
 * @param charted       a table may draw a bar for this quantity, scaled to the largest value
 * @param redundantWith the name of a column that, when filled in the same row, already says what
 *                      this one says: a table leaves the cell blank (machine formats keep both)
 */
public record Column(String name, ColumnType type, Measure measure, List<Column> items, int priority,
        boolean charted, String redundantWith) {
    /** The priority of a column that tables show only when it is asked for by name. */
    public static final int HIDDEN = Integer.MAX_VALUE;

    public Column {
        items = List.copyOf(items);
        if ((type == ColumnType.LIST) == items.isEmpty()) {
            throw new IllegalArgumentException("a list column, and only a list column, has items: " + name);
        }
    }

    private static Column of(String name, ColumnType type, Measure measure) {
        return new Column(name, type, measure, List.of(), 0, false, null);
    }

    public static Column text(String name) {
        return of(name, ColumnType.TEXT, Measure.NONE);
    }

    /** A number that names something (a port, a version): never abbreviated. */
    public static Column integer(String name) {
        return of(name, ColumnType.INTEGER, Measure.NONE);
    }

    public static Column count(String name) {
        return of(name, ColumnType.INTEGER, Measure.COUNT);
    }

    public static Column bytes(String name) {
        return of(name, ColumnType.INTEGER, Measure.BYTES);
    }

    public static Column decimal(String name) {
        return of(name, ColumnType.DECIMAL, Measure.NONE);
    }

    /** A duration in seconds. */
    public static Column seconds(String name) {
        return of(name, ColumnType.DECIMAL, Measure.SECONDS);
    }

    /** A share of a whole, 0 to 1. */
    public static Column fraction(String name) {
        return of(name, ColumnType.DECIMAL, Measure.FRACTION);
    }

    public static Column bool(String name) {
        return of(name, ColumnType.BOOLEAN, Measure.NONE);
    }

    public static Column instant(String name) {
        return of(name, ColumnType.INSTANT, Measure.NONE);
    }

    public static Column address(String name) {
        return of(name, ColumnType.ADDRESS, Measure.NONE);
    }

    /** A list of plain values of one type. */
    public static Column values(String name, ColumnType itemType) {
        return new Column(name, ColumnType.LIST, Measure.NONE, List.of(of("", itemType, Measure.NONE)), 0, false, null);
    }

    /** A list of small records, each with {@code fields}. */
    public static Column records(String name, List<Column> fields) {
        return new Column(name, ColumnType.LIST, Measure.NONE, fields, 0, false, null);
    }

    /** True for a list whose items are records with named fields, false for a list of plain values. */
    public boolean recordItems() {
        return type == ColumnType.LIST && !(items.size() == 1 && items.get(0).name().isEmpty());
    }

    public boolean numeric() {
        return type == ColumnType.INTEGER || type == ColumnType.DECIMAL;
    }

    public Column priority(int p) {
        return new Column(name, type, measure, items, p, charted, redundantWith);
    }

    public Column hidden() {
        return priority(HIDDEN);
    }

    public Column charted(boolean on) {
        return new Column(name, type, measure, items, priority, on, redundantWith);
    }

    public Column redundantWith(String column) {
        return new Column(name, type, measure, items, priority, charted, column);
    }
}
