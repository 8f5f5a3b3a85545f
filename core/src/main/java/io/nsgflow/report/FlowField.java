package io.nsgflow.report;

import io.nsgflow.model.FlowRow;
import io.nsgflow.model.Protocol;
import io.nsgflow.result.Column;
import io.nsgflow.result.TableSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The row schema of {@code flows}: every column, its name (the NDJSON key and CSV header), its
 * type and how a row fills it. The order here is the default column order. Priorities say which
 * columns a table shows by default and which it gives up first when the terminal is narrow.
 */
public enum FlowField {
    TIME(Column.instant("time"), (r, w) -> w.instant(r.timeMillis())),
    VERSION(Column.integer("version").hidden(), (r, w) -> w.integer(r.context().version())),
    SUBSCRIPTION(Column.text("subscription").hidden(), (r, w) -> w.text(r.context().subscription())),
    RESOURCE_GROUP(Column.text("resourceGroup").hidden(), (r, w) -> w.text(r.context().resourceGroup())),
    NSG(Column.text("nsg").priority(7), (r, w) -> w.text(r.context().nsg())),
    RULE(Column.text("rule").priority(4), (r, w) -> w.text(r.context().rule())),
    MAC(Column.text("mac").hidden(), (r, w) -> w.text(r.context().mac())),
    SRC_IP(Column.address("srcIp"), (r, w) -> w.address(r.srcHi(), r.srcLo())),
    DST_IP(Column.address("dstIp"), (r, w) -> w.address(r.dstHi(), r.dstLo())),
    SRC_PORT(Column.integer("srcPort").priority(3), (r, w) -> w.integer(r.srcPort())),
    DST_PORT(Column.integer("dstPort"), (r, w) -> w.integer(r.dstPort())),
    PROTOCOL(Column.text("protocol").priority(2), (r, w) -> w.text(Protocol.name(r.protocol()))),
    DIRECTION(Column.text("direction").priority(6), (r, w) -> w.text(r.direction().label())),
    ACTION(Column.text("action"), (r, w) -> w.text(r.action().label())),
    STATE(Column.text("state").priority(5), (r, w) -> w.text(r.state() == null ? null : r.state().label())),
    PACKETS_SRC_TO_DST(Column.count("packetsSrcToDst").hidden(), (r, w) -> counter(w, r.packetsSrcToDst())),
    BYTES_SRC_TO_DST(Column.bytes("bytesSrcToDst").priority(1), (r, w) -> counter(w, r.bytesSrcToDst())),
    PACKETS_DST_TO_SRC(Column.count("packetsDstToSrc").hidden(), (r, w) -> counter(w, r.packetsDstToSrc())),
    BYTES_DST_TO_SRC(Column.bytes("bytesDstToSrc").priority(1), (r, w) -> counter(w, r.bytesDstToSrc())),
    /** Both directions summed, as every report counts them; null when the tuple carries no counters. */
    PACKETS(Column.count("packets"), (r, w) -> counter(w, r.hasCounters() ? r.packets() : FlowRow.ABSENT)),
    BYTES(Column.bytes("bytes"), (r, w) -> counter(w, r.hasCounters() ? r.bytes() : FlowRow.ABSENT)),
    ENCRYPTION(Column.text("encryption").hidden(), (r, w) -> w.text(r.encryption())),
    ACL_ID(Column.text("aclId").hidden(), (r, w) -> w.text(r.context().aclId())),
    TARGET_RESOURCE(Column.text("targetResource").hidden(), (r, w) -> w.text(r.context().targetResource())),
    FLOW_LOG(Column.text("flowLog").hidden(), (r, w) -> w.text(r.context().flowLog()));

    /**
     * The fields written when none are named: all but the two sums, which repeat the per-direction
     * counters and are there to be asked for ({@code --fields ...,packets,bytes} or {@code all}).
     */
    public static final List<FlowField> DEFAULT = java.util.Arrays.stream(values())
            .filter(f -> f != PACKETS && f != BYTES).toList();

    /** Writes one field of a row as a cell. */
    @FunctionalInterface
    interface CellWriter {
        void write(FlowRow row, TableSink writer);
    }

    private final Column column;
    private final CellWriter cell;

    FlowField(Column column, CellWriter cell) {
        this.column = column;
        this.cell = cell;
    }

    public Column column() {
        return column;
    }

    void write(FlowRow row, TableSink writer) {
        cell.write(row, writer);
    }

    private static void counter(TableSink w, long value) {
        if (value == FlowRow.ABSENT) {
            w.nul();
        } else {
            w.integer(value);
        }
    }

    /** The fields of these column names, in this order. @throws IllegalArgumentException for a name that is not a field */
    public static List<FlowField> byNames(List<String> names) {
        List<FlowField> fields = new ArrayList<>();
        for (String name : names) {
            fields.add(byName(name));
        }
        return fields;
    }

    private static FlowField byName(String name) {
        for (FlowField f : values()) {
            if (f.column.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown field '" + name + "'");
    }
}
