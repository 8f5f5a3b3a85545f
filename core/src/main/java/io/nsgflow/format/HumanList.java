package io.nsgflow.format;

import io.nsgflow.result.Column;
import io.nsgflow.result.Measure;

/**
 * A list cell as a table shows it: items separated by {@code ", "}; an item record as its
 * identifying fields joined by {@code /} and then its measures ({@code 443/TCP 120}), so that
 * the spelling follows from the fields' types, not from the report.
 */
final class HumanList {
    private final StringBuilder text = new StringBuilder();
    private Column list;
    private int items;
    private int field;

    boolean inList() {
        return list != null;
    }

    void begin(Column column) {
        list = column;
        items = 0;
        field = 0;
        text.setLength(0);
    }

    /** Adds one value, already spelt for people; {@code measure} tells a record's measures from its identity. */
    void add(String value, Measure measure) {
        if (!list.recordItems()) {
            text.append(items++ > 0 ? ", " : "").append(value == null ? "-" : value);
            return;
        }
        if (field == 0 && items > 0) {
            text.append(", ");
        } else if (field > 0) {
            text.append(measure == Measure.NONE ? "/" : " ");
        }
        text.append(value == null ? "-" : value);
        if (++field == list.items().size()) {
            field = 0;
            items++;
        }
    }

    /** The current item field's column (for a list of values, the one item column). */
    Column itemColumn() {
        return list.items().get(list.recordItems() ? field : 0);
    }

    /** The list's text; null for an empty list, which a table shows as {@code -}. */
    String end() {
        list = null;
        return items == 0 ? null : text.toString();
    }
}
