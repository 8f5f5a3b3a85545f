package io.nsgflow.result;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the user asked to see of a result, the same for every report: which table
 * ({@code --table}), which columns in which order ({@code --fields}), the order of the rows
 * ({@code --sort}) and how many ({@code --limit}). Checked against the report's schemas before
 * any input is read; applied by {@link ShapedSink} between the reporter and the writer.
 *
 * <p>In a result of several tables, each table keeps the named columns it has (one that has none
 * is left out), is sorted by the keys it has, and {@code --limit} cuts only tables of
 * {@link TableSchema.Kind#ROWS} (summary's rankings, not its breakdowns).
 *
 * @param fields column names, {@code [all]} for every column, or null for the report's default
 * @param sort   sort keys, most significant first; empty to keep the report's order
 * @param limit  rows per table; 0 for all
 * @param table  the one table to write, or null for all
 */
public record Shape(List<String> fields, List<SortKey> sort, int limit, String table) {
    public static final Shape NONE = new Shape(null, List.of(), 0, null);

    public Shape {
        sort = List.copyOf(sort);
    }

    /** True when every column was asked for by {@code all}. */
    boolean allFields() {
        return fields != null && fields.size() == 1 && fields.get(0).equalsIgnoreCase(Fields.ALL);
    }

    /** The tables this shape writes, of those a report has. */
    public List<TableSchema> selected(List<TableSchema> tables) {
        return table == null ? tables : tables.stream().filter(t -> t.name().equals(table)).toList();
    }

    /**
     * Checks the shape against a report's tables.
     *
     * @throws IllegalArgumentException naming what is unknown and what there is
     */
    public void check(List<TableSchema> tables) {
        if (table != null && selected(tables).isEmpty()) {
            throw new IllegalArgumentException("unknown table '" + table + "'; tables are: " + names(tables));
        }
        List<TableSchema> chosen = selected(tables);
        if (fields != null && !allFields()) {
            for (String f : fields) {
                find(chosen, f, "--fields");
            }
        }
        for (SortKey k : sort) {
            Column c = find(chosen, k.column(), "--sort");
            if (c.type() == ColumnType.LIST) {
                throw new IllegalArgumentException("cannot --sort by '" + c.name() + "': it holds a list");
            }
        }
    }

    private static Column find(List<TableSchema> tables, String name, String option) {
        for (TableSchema t : tables) {
            int i = indexOf(t, name);
            if (i >= 0) {
                return t.columns().get(i);
            }
        }
        Set<String> known = new LinkedHashSet<>();
        tables.forEach(t -> t.columns().forEach(c -> known.add(c.name())));
        throw new IllegalArgumentException("unknown field '" + name + "' for " + option + "; fields are: " + String.join(",", known));
    }

    /** The column of {@code t} named {@code name} in any case, or -1. */
    static int indexOf(TableSchema t, String name) {
        for (int i = 0; i < t.columns().size(); i++) {
            if (t.columns().get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    public static String names(List<TableSchema> tables) {
        return String.join(", ", tables.stream().map(TableSchema::name).toList());
    }

    /** {@code target} behind the stage that applies this shape; {@code target} itself when there is nothing to apply. */
    public TableSink apply(TableSink target) {
        return equals(NONE) ? target : new ShapedSink(this, target);
    }

    /** The indexes of the columns of {@code t} this shape keeps, in order; empty when it keeps none. */
    int[] projection(TableSchema t) {
        if (fields == null || allFields()) {
            int[] all = new int[t.columns().size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        List<Integer> kept = new ArrayList<>();
        for (String f : fields) {
            int i = indexOf(t, f);
            if (i >= 0) {
                kept.add(i);
            }
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }
}
