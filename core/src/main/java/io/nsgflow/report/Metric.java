package io.nsgflow.report;

import io.nsgflow.result.Column;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The counts of a {@link Tally}, in the order they are written as columns; also what {@code top}
 * ranks by and what {@code timeline}'s bar shows.
 */
public enum Metric {
    FLOWS(t -> t.flows),
    ALLOWED(t -> t.allowed),
    DENIED(t -> t.denied),
    TUPLES(t -> t.tuples),
    PACKETS(t -> t.packets),
    BYTES(t -> t.bytes);

    private final ToLongFunction<Tally> value;

    Metric(ToLongFunction<Tally> value) {
        this.value = value;
    }

    long of(Tally t) {
        return value.applyAsLong(t);
    }

    /** @throws IllegalArgumentException naming the metrics there are */
    public static Metric parse(String name) {
        for (Metric m : values()) {
            if (m.name().equalsIgnoreCase(name.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + name + "' (flows, allowed, denied, tuples, packets, bytes)");
    }

    /** The column this count is written as: bytes are bytes, the rest counts. */
    Column column() {
        return this == BYTES ? Column.bytes(label()) : Column.count(label());
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
