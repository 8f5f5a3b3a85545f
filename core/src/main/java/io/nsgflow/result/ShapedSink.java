package io.nsgflow.result;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies a {@link Shape} to a result on its way to the writer. Rows whose columns are kept as
 * they are pass straight through, cell by cell, so that a streamed report still streams (and a
 * limit just stops passing rows). Rows that must be reordered are held as {@link Row}s: one at a
 * time to pick columns, all of a table to sort, or, with a limit, never more than a few times
 * the limit.
 */
final class ShapedSink implements TableSink {
    /** Sorted rows held with a limit are cut back to the limit when they reach this many times it. */
    private static final int HELD_PER_LIMIT = 4;

    private enum Mode { SKIP, PASS, HOLD }

    private final Shape shape;
    private final TableSink target;
    private final RowBuilder builder = new RowBuilder();
    private final List<Row> held = new ArrayList<>();
    private TableSchema table;
    private int[] projection;
    private Comparator<Row> order;
    private int limit;
    private long rows;
    private Mode tableMode;
    private Mode rowMode;

    ShapedSink(Shape shape, TableSink target) {
        this.shape = shape;
        this.target = target;
    }

    @Override
    public void startTable(TableSchema schema) {
        table = schema;
        rows = 0;
        held.clear();
        projection = shape.projection(schema);
        if ((shape.table() != null && !schema.name().equals(shape.table())) || projection.length == 0) {
            tableMode = Mode.SKIP;
            return;
        }
        order = schema.kind() == TableSchema.Kind.RECORD ? null : order(schema);
        limit = schema.kind() == TableSchema.Kind.ROWS ? shape.limit() : 0;
        boolean identity = projection.length == schema.columns().size();
        for (int i = 0; identity && i < projection.length; i++) {
            identity = projection[i] == i;
        }
        tableMode = identity && order == null ? Mode.PASS : Mode.HOLD;
        builder.start(schema);
        target.startTable(schema.withColumns(shown(schema)));
    }

    /** The kept columns; columns named by {@code --fields} are shown by a table whatever their priority. */
    private List<Column> shown(TableSchema schema) {
        List<Column> columns = new ArrayList<>();
        for (int i : projection) {
            Column c = schema.columns().get(i);
            columns.add(shape.fields() != null && !shape.allFields() ? c.priority(0) : c);
        }
        return columns;
    }

    /** The sort order of the keys this table has, or null when it has none. */
    private Comparator<Row> order(TableSchema schema) {
        Comparator<Row> order = null;
        for (SortKey k : shape.sort()) {
            int i = Shape.indexOf(schema, k.column());
            if (i < 0) {
                continue;
            }
            Comparator<Row> byKey = Comparator.comparing(r -> r.values()[i], k.descendingFor(schema.columns().get(i))
                    ? Comparator.nullsLast(ShapedSink.<Object>natural().reversed()) : Comparator.nullsLast(natural()));
            order = order == null ? byKey : order.thenComparing(byKey);
        }
        return order;
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // cells of one column hold one Comparable type
    private static <T> Comparator<T> natural() {
        return (a, b) -> ((Comparable) a).compareTo(b);
    }

    /** A ranking cut by {@code --limit} and not sorted again by {@code --sort} shows only its first rows. */
    @Override
    public int rowsWanted(TableSchema schema) {
        boolean shown = shape.table() == null || schema.name().equals(shape.table());
        return shown && schema.kind() == TableSchema.Kind.ROWS && order(schema) == null ? shape.limit() : 0;
    }

    @Override
    public void beginRow() {
        rowMode = tableMode;
        if (rowMode == Mode.PASS && limit > 0 && rows >= limit) {
            rowMode = Mode.SKIP;
        }
        rows++;
        if (rowMode == Mode.PASS) {
            target.beginRow();
        } else if (rowMode == Mode.HOLD) {
            builder.beginRow();
        }
    }

    @Override
    public void text(CharSequence value) {
        if (rowMode == Mode.PASS) {
            target.text(value);
        } else if (rowMode == Mode.HOLD) {
            builder.text(value);
        }
    }

    @Override
    public void integer(long value) {
        if (rowMode == Mode.PASS) {
            target.integer(value);
        } else if (rowMode == Mode.HOLD) {
            builder.value(value);
        }
    }

    @Override
    public void decimal(double value) {
        if (rowMode == Mode.PASS) {
            target.decimal(value);
        } else if (rowMode == Mode.HOLD) {
            builder.value(value);
        }
    }

    @Override
    public void bool(boolean value) {
        if (rowMode == Mode.PASS) {
            target.bool(value);
        } else if (rowMode == Mode.HOLD) {
            builder.value(value);
        }
    }

    @Override
    public void instant(long epochMillis) {
        if (rowMode == Mode.PASS) {
            target.instant(epochMillis);
        } else if (rowMode == Mode.HOLD) {
            builder.instant(epochMillis);
        }
    }

    @Override
    public void address(long hi, long lo) {
        if (rowMode == Mode.PASS) {
            target.address(hi, lo);
        } else if (rowMode == Mode.HOLD) {
            builder.address(hi, lo);
        }
    }

    @Override
    public void nul() {
        if (rowMode == Mode.PASS) {
            target.nul();
        } else if (rowMode == Mode.HOLD) {
            builder.value(null);
        }
    }

    @Override
    public void beginList() {
        if (rowMode == Mode.PASS) {
            target.beginList();
        } else if (rowMode == Mode.HOLD) {
            builder.beginList();
        }
    }

    @Override
    public void endList() {
        if (rowMode == Mode.PASS) {
            target.endList();
        } else if (rowMode == Mode.HOLD) {
            builder.endList();
        }
    }

    @Override
    public void endRow() {
        if (rowMode == Mode.PASS) {
            target.endRow();
        } else if (rowMode == Mode.HOLD) {
            Row row = builder.endRow();
            if (order == null) {
                if (limit == 0 || rows <= limit) {
                    emit(row);
                }
            } else {
                held.add(row);
                if (limit > 0 && held.size() >= Math.max(1024, HELD_PER_LIMIT * limit)) {
                    cut();
                }
            }
        }
    }

    /** Sorts the held rows (stably: the report's order breaks ties) and keeps the first {@code limit}. */
    private void cut() {
        held.sort(order);
        if (limit > 0 && held.size() > limit) {
            held.subList(limit, held.size()).clear();
        }
    }

    private void emit(Row row) {
        target.beginRow();
        for (int i : projection) {
            Cells.write(target, table.columns().get(i), row.values()[i]);
        }
        target.endRow();
    }

    @Override
    public void endTable() {
        if (tableMode == Mode.SKIP) {
            return;
        }
        if (order != null) {
            cut();
            held.forEach(this::emit);
            held.clear();
        }
        target.endTable();
    }

    @Override
    public void release() {
        target.release();
    }

    @Override
    public void finish() {
        target.finish();
    }
}
