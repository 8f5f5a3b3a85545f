package io.nsgflow.result;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the cell calls of one row into {@link Row} values, lists included. */
final class RowBuilder {
    private TableSchema table;
    private Object[] values;
    private int cell;
    private List<Object> list;
    private Column listColumn;
    private Map<String, Object> item;
    private int field;

    void start(TableSchema schema) {
        table = schema;
    }

    void beginRow() {
        values = new Object[table.columns().size()];
        cell = 0;
    }

    void value(Object v) {
        if (list == null) {
            values[cell++] = v;
            return;
        }
        if (!listColumn.recordItems()) {
            list.add(v);
            return;
        }
        if (item == null) {
            item = new LinkedHashMap<>();
        }
        item.put(listColumn.items().get(field++).name(), v);
        if (field == listColumn.items().size()) {
            list.add(item);
            item = null;
            field = 0;
        }
    }

    void text(CharSequence v) {
        value(v == null ? null : v.toString());
    }

    void instant(long millis) {
        value(Instant.ofEpochMilli(millis));
    }

    void address(long hi, long lo) {
        value(new Address(hi, lo));
    }

    void beginList() {
        listColumn = table.columns().get(cell);
        list = new ArrayList<>();
    }

    void endList() {
        List<Object> done = List.copyOf(list);
        list = null;
        value(done);
    }

    Row endRow() {
        return new Row(table, values);
    }
}
