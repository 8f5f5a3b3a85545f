package io.nsgflow.result;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Writes a value held in memory (as a {@link Row} holds it) back out as the cell calls of its column. */
public final class Cells {
    private Cells() {
    }

    public static void write(TableSink sink, Column column, Object value) {
        if (value == null) {
            sink.nul();
            return;
        }
        switch (column.type()) {
            case TEXT -> sink.text((String) value);
            case INTEGER -> sink.integer((Long) value);
            case DECIMAL -> sink.decimal((Double) value);
            case BOOLEAN -> sink.bool((Boolean) value);
            case INSTANT -> sink.instant(((Instant) value).toEpochMilli());
            case ADDRESS -> {
                Address a = (Address) value;
                sink.address(a.hi(), a.lo());
            }
            case LIST -> writeList(sink, column, (List<?>) value);
        }
    }

    private static void writeList(TableSink sink, Column column, List<?> items) {
        sink.beginList();
        for (Object item : items) {
            if (column.recordItems()) {
                Map<?, ?> fields = (Map<?, ?>) item;
                for (Column f : column.items()) {
                    write(sink, f, fields.get(f.name()));
                }
            } else {
                write(sink, column.items().get(0), item);
            }
        }
        sink.endList();
    }
}
