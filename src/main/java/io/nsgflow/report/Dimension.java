package io.nsgflow.report;

import io.nsgflow.format.Column;
import io.nsgflow.format.TableWriter;
import io.nsgflow.model.Action;
import io.nsgflow.model.Direction;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.Protocol;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * What rows are grouped by: how a row's compact key is made, how keys sort (ties in rankings
 * break on it, ascending), and the columns the key is written as. Keys are primitives packed into
 * small objects; they become text only when written.
 *
 * @param <K> the key type
 */
record Dimension<K>(List<Column> columns, Function<FlowRow, K> key, Comparator<K> order, KeyWriter<K> writer) {
    /** Writes one key's cells. */
    interface KeyWriter<K> {
        void write(K key, TableWriter w, CellText text);
    }

    static final Dimension<IpKey> SRC = new Dimension<>(List.of(Column.text("srcIp")),
            r -> new IpKey(r.srcHi(), r.srcLo()), Comparator.<IpKey>naturalOrder(), (k, w, t) -> w.text(t.ip(k.hi(), k.lo())));

    static final Dimension<IpKey> DST = new Dimension<>(List.of(Column.text("dstIp")),
            r -> new IpKey(r.dstHi(), r.dstLo()), Comparator.<IpKey>naturalOrder(), (k, w, t) -> w.text(t.ip(k.hi(), k.lo())));

    static final Dimension<IpPair> PAIR = new Dimension<>(List.of(Column.text("srcIp"), Column.text("dstIp")),
            r -> new IpPair(r.srcHi(), r.srcLo(), r.dstHi(), r.dstLo()), Comparator.<IpPair>naturalOrder(), (k, w, t) -> {
                w.text(t.ip(k.srcHi(), k.srcLo()));
                w.text(t.ip(k.dstHi(), k.dstLo()));
            });

    static final Dimension<Integer> DST_PORT = port("dstPort", FlowRow::dstPort);

    static final Dimension<Integer> SRC_PORT = port("srcPort", FlowRow::srcPort);

    static final Dimension<String> RULE = text("rule", r -> r.context().rule());

    static final Dimension<String> NSG = text("nsg", r -> r.context().nsg());

    static final Dimension<String> MAC = text("mac", r -> r.context().mac());

    static final Dimension<String> ENCRYPTION = text("encryption", FlowRow::encryption);

    static final Dimension<Integer> PROTOCOL = new Dimension<>(List.of(Column.text("protocol")),
            FlowRow::protocol, Comparator.<Integer>naturalOrder(), (k, w, t) -> w.text(Protocol.name(k)));

    /** Direction and action, packed as {@code direction << 1 | action}. */
    static final Dimension<Integer> DIRECTION_ACTION = new Dimension<>(
            List.of(Column.text("direction"), Column.text("action")),
            r -> r.direction().ordinal() << 1 | r.action().ordinal(), Comparator.<Integer>naturalOrder(), (k, w, t) -> {
                w.text(Direction.values()[k >> 1].label());
                w.text(Action.values()[k & 1].label());
            });

    /** A port with its protocol, packed as {@code port << 8 | protocol}: 443/TCP and 443/UDP differ. */
    private static Dimension<Integer> port(String name, ToIntFunction<FlowRow> port) {
        return new Dimension<>(List.of(Column.integer(name), Column.text("protocol")),
                r -> port.applyAsInt(r) << 8 | r.protocol() & 0xFF, Comparator.<Integer>naturalOrder(), (k, w, t) -> {
                    w.integer(k >>> 8);
                    w.text(Protocol.name(k & 0xFF));
                });
    }

    private static Dimension<String> text(String name, Function<FlowRow, String> value) {
        return new Dimension<>(List.of(Column.text(name)), value,
                Comparator.nullsFirst(Comparator.naturalOrder()), (k, w, t) -> w.text(k));
    }
}
