package io.nsgflow.spark;

import io.nsgflow.filter.Cidr;
import io.nsgflow.filter.FlowFilter;
import io.nsgflow.model.Action;
import io.nsgflow.model.Direction;
import io.nsgflow.model.IpAddress;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.GreaterThanOrEqual;
import org.apache.spark.sql.sources.LessThan;
import org.apache.spark.sql.sources.LessThanOrEqual;

/**
 * Spark's pushed filters as nsgflow's {@link FlowFilter}, applied in the decoder: time bounds,
 * {@code action} and {@code direction} equal to a value, {@code srcIp} and {@code dstIp} equal to
 * an address. Each is exact or looser than Spark's (a time bound is widened to whole
 * milliseconds), and Spark evaluates them all again after the scan.
 */
final class PushedFilters {
    private PushedFilters() {
    }

    /** The filters of {@code filters} that {@link #build} applies. */
    static Filter[] supported(Filter[] filters) {
        List<Filter> supported = new ArrayList<>();
        for (Filter f : filters) {
            if (apply(f, FlowFilter.builder())) {
                supported.add(f);
            }
        }
        return supported.toArray(new Filter[0]);
    }

    static FlowFilter build(Filter[] filters) {
        FlowFilter.Builder builder = FlowFilter.builder();
        for (Filter f : filters) {
            apply(f, builder);
        }
        return builder.build();
    }

    /** Adds {@code f} to {@code builder}; false when nsgflow cannot apply it. */
    private static boolean apply(Filter f, FlowFilter.Builder builder) {
        if (f instanceof EqualTo eq) {
            return equalTo(eq.attribute(), eq.value(), builder);
        }
        if (f instanceof GreaterThan g && g.attribute().equals("time") && millis(g.value()) != null) {
            builder.time(millis(g.value()), Long.MAX_VALUE);
            return true;
        }
        if (f instanceof GreaterThanOrEqual g && g.attribute().equals("time") && millis(g.value()) != null) {
            builder.time(millis(g.value()), Long.MAX_VALUE);
            return true;
        }
        if (f instanceof LessThan l && l.attribute().equals("time") && millis(l.value()) != null) {
            builder.time(Long.MIN_VALUE, millis(l.value()) + 1);
            return true;
        }
        if (f instanceof LessThanOrEqual l && l.attribute().equals("time") && millis(l.value()) != null) {
            builder.time(Long.MIN_VALUE, millis(l.value()) + 1);
            return true;
        }
        return false;
    }

    private static boolean equalTo(String column, Object value, FlowFilter.Builder builder) {
        if (!(value instanceof String text)) {
            return false;
        }
        switch (column) {
            case "action" -> {
                return byLabel(Action.values(), Action::label, text, a -> builder.action(List.of(a)), builder);
            }
            case "direction" -> {
                return byLabel(Direction.values(), Direction::label, text, d -> builder.direction(List.of(d)), builder);
            }
            case "srcIp", "dstIp" -> {
                long[] ip = new long[2];
                if (!IpAddress.parse(text, ip) || !IpAddress.toString(ip[0], ip[1]).equals(text)) {
                    return false; // only an address spelt as nsgflow spells it can equal a column value
                }
                List<Cidr> address = List.of(Cidr.parse(text));
                if (column.equals("srcIp")) {
                    builder.src(address);
                } else {
                    builder.dst(address);
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** Adds the value labelled {@code text}; a label no value has matches no row. Always applicable. */
    private static <E> boolean byLabel(E[] values, Function<E, String> label, String text, Consumer<E> add,
                                       FlowFilter.Builder builder) {
        for (E value : values) {
            if (label.apply(value).equals(text)) {
                add.accept(value);
                return true;
            }
        }
        builder.time(Long.MAX_VALUE, Long.MAX_VALUE); // an empty time range: no row
        return true;
    }

    /** A time filter's value in milliseconds, rounded down; null for a value that is not a time. */
    private static Long millis(Object value) {
        if (value instanceof Timestamp t) {
            return t.getTime();
        }
        if (value instanceof Instant i) {
            return i.toEpochMilli();
        }
        return null;
    }
}
