package io.nsgflow.report;

import io.nsgflow.enrich.TrafficClass;
import io.nsgflow.result.Column;
import io.nsgflow.result.TableSink;
import io.nsgflow.model.Action;
import io.nsgflow.model.Direction;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.Protocol;
import java.io.InvalidObjectException;
import java.io.NotSerializableException;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What rows are grouped by: how a row's compact key is made, how keys sort (ties in rankings
 * break on it, ascending), and the columns the key is written as. Keys are primitives packed into
 * small objects; they become text only when written. A numeric key also has a {@link Packer}, so
 * that rows find their tally by two longs, with no object made per row.
 *
 * @param <K> the key type
 * <p>A dimension is code (its functions), so a partial result sent to another process (a Spark
 * task's, to the driver) names its dimensions: each is one of the constants below, resolved by
 * name when read back.
 *
 * @param packer null for keys that are not numbers
 */
record Dimension<K>(List<Column> columns, Function<FlowRow, K> key, Comparator<K> order, KeyWriter<K> writer,
        Packer<K> packer) implements Serializable {
    /** Writes one key's cells. */
    interface KeyWriter<K> {
        void write(K key, TableSink w);
    }

    /**
     * A numeric key as two longs: which numbers of a row they are, and the key object they stand
     * for, made once per distinct key.
     *
     * @param packing the row's two longs
     * @param unpack  the key of two longs
     */
    record Packer<K>(Packing packing, Unpack<K> unpack) {
        K key(long hi, long lo) {
            return unpack.key(hi, lo);
        }
    }

    /** The key object two longs stand for. */
    interface Unpack<K> {
        K key(long hi, long lo);
    }

    /**
     * The numeric keys there are, each read from a row by a case of one switch. Rows reach every
     * dimension's tally through one call site ({@link Tallies}); a call through an interface or a
     * lambda there sees many classes and cannot be inlined (13-22% of {@code summary}'s time), a
     * switch over these constants is a jump inlined into it.
     */
    enum Packing {
        SRC, DST, DST_PORT, SRC_PORT, PROTOCOL, DIRECTION_ACTION, TRAFFIC_CLASS;

        long hi(FlowRow r) {
            return switch (this) {
                case SRC -> r.srcHi();
                case DST -> r.dstHi();
                default -> 0;
            };
        }

        long lo(FlowRow r) {
            return switch (this) {
                case SRC -> r.srcLo();
                case DST -> r.dstLo();
                case DST_PORT -> PortKey.of(r.dstPort(), r.protocol());
                case SRC_PORT -> PortKey.of(r.srcPort(), r.protocol());
                case PROTOCOL -> r.protocol();
                case DIRECTION_ACTION -> r.direction().ordinal() << 1 | r.action().ordinal();
                // the enrichment classes load only when a report asks for this dimension
                case TRAFFIC_CLASS -> TrafficClass.of(r.srcHi(), r.srcLo(), r.dstHi(), r.dstLo()).ordinal();
            };
        }
    }

    static final Dimension<IpKey> SRC = address("srcIp", Packing.SRC);

    static final Dimension<IpKey> DST = address("dstIp", Packing.DST);

    static final Dimension<IpPair> PAIR = new Dimension<>(List.of(Column.address("srcIp"), Column.address("dstIp")),
            r -> new IpPair(r.srcHi(), r.srcLo(), r.dstHi(), r.dstLo()), Comparator.<IpPair>naturalOrder(), (k, w) -> {
                w.address(k.srcHi(), k.srcLo());
                w.address(k.dstHi(), k.dstLo());
            }, null);

    static final Dimension<Integer> DST_PORT = port("dstPort", Packing.DST_PORT);

    static final Dimension<Integer> SRC_PORT = port("srcPort", Packing.SRC_PORT);

    static final Dimension<String> RULE = text("rule", r -> r.context().rule());

    static final Dimension<String> NSG = text("nsg", r -> r.context().nsg());

    static final Dimension<String> MAC = text("mac", r -> r.context().mac());

    static final Dimension<String> ENCRYPTION = text("encryption", FlowRow::encryption);

    static final Dimension<Integer> PROTOCOL = packedInt(List.of(Column.text("protocol")), Packing.PROTOCOL,
            (k, w) -> w.text(Protocol.name(k)));

    /** Where the flow runs (internal, inbound from the internet...), from the built-in classes of its two addresses. */
    static final Dimension<Integer> TRAFFIC_CLASS = packedInt(List.of(Column.text("traffic")), Packing.TRAFFIC_CLASS,
            (k, w) -> w.text(TrafficClass.values()[k].label()));

    /** Direction and action, packed as {@code direction << 1 | action}. */
    static final Dimension<Integer> DIRECTION_ACTION = packedInt(List.of(Column.text("direction"), Column.text("action")),
            Packing.DIRECTION_ACTION, (k, w) -> {
                w.text(Direction.values()[k >> 1].label());
                w.text(Action.values()[k & 1].label());
            });

    /** A port with its protocol ({@link PortKey}): 443/TCP and 443/UDP differ. */
    private static Dimension<Integer> port(String name, Packing packing) {
        return packedInt(List.of(Column.integer(name), Column.text("protocol")), packing, (k, w) -> {
            w.integer(PortKey.port(k));
            w.text(Protocol.name(PortKey.protocol(k)));
        });
    }

    /** An address: its two halves are the packed key. */
    private static Dimension<IpKey> address(String column, Packing packing) {
        return new Dimension<IpKey>(List.of(Column.address(column)), r -> new IpKey(packing.hi(r), packing.lo(r)),
                Comparator.naturalOrder(), (k, w) -> w.address(k.hi(), k.lo()), new Packer<>(packing, IpKey::new));
    }

    /** A key that is one int, packed into {@code lo}, in ascending order. */
    private static Dimension<Integer> packedInt(List<Column> columns, Packing packing, KeyWriter<Integer> writer) {
        return new Dimension<>(columns, r -> (int) packing.lo(r), Comparator.naturalOrder(), writer,
                new Packer<>(packing, (hi, lo) -> (int) lo));
    }

    private static Dimension<String> text(String name, Function<FlowRow, String> value) {
        return new Dimension<>(List.of(Column.text(name)), value,
                Comparator.nullsFirst(Comparator.naturalOrder()), (k, w) -> w.text(k), null);
    }

    /** Serialized as the name of its constant. */
    private Object writeReplace() throws ObjectStreamException {
        for (Map.Entry<String, Dimension<?>> e : Named.CONSTANTS.entrySet()) {
            if (e.getValue() == this) {
                return new Named(e.getKey());
            }
        }
        throw new NotSerializableException("a dimension that is not one of Dimension's constants");
    }

    /** A dimension in a serialized partial: the name of one of the constants. */
    private record Named(String name) implements Serializable {
        /** The constants by field name; in a class of its own so that it is filled once they all exist. */
        static final Map<String, Dimension<?>> CONSTANTS = constants();

        private static Map<String, Dimension<?>> constants() {
            Map<String, Dimension<?>> byName = new HashMap<>();
            for (Field f : Dimension.class.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == Dimension.class) {
                    try {
                        byName.put(f.getName(), (Dimension<?>) f.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e); // a class's own fields are accessible to it
                    }
                }
            }
            return byName;
        }

        private Object readResolve() throws ObjectStreamException {
            Dimension<?> d = CONSTANTS.get(name);
            if (d == null) {
                throw new InvalidObjectException("no dimension named " + name);
            }
            return d;
        }
    }
}
