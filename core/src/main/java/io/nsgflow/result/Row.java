package io.nsgflow.result;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One row of a result held in memory. Values by column type: TEXT {@link String}, INTEGER
 * {@link Long}, DECIMAL {@link Double}, BOOLEAN {@link Boolean}, INSTANT {@link java.time.Instant},
 * ADDRESS {@link Address}, LIST a {@code List} of such values, or of {@code Map}s from field name
 * to value for a list of records; null where the cell is null.
 */
public record Row(TableSchema table, Object[] values) {
    public Object get(String column) {
        int i = table.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("no column '" + column + "' in table " + table.name());
        }
        return values[i];
    }

    /** An INTEGER cell, 0 when null. */
    public long count(String column) {
        Object v = get(column);
        return v == null ? 0 : (Long) v;
    }

    /** A cell as text ({@code null} stays null): the form tests compare against most easily. */
    public String text(String column) {
        Object v = get(column);
        return v == null ? null : v.toString();
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String column) {
        return (List<Object>) get(column);
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> records(String column) {
        return (List<Map<String, Object>>) get(column);
    }

    @Override
    public String toString() {
        return table.name() + Arrays.toString(values);
    }
}
