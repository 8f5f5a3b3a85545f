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
    TIME(Column.instant("time"), (r, w, a) -> w.instant(r.timeMillis())),
    VERSION(Column.integer("version").hidden(), (r, w, a) -> w.integer(r.context().version())),
    SUBSCRIPTION(Column.text("subscription").hidden(), (r, w, a) -> w.text(r.context().subscription())),
    RESOURCE_GROUP(Column.text("resourceGroup").hidden(), (r, w, a) -> w.text(r.context().resourceGroup())),
    NSG(Column.text("nsg").priority(7), (r, w, a) -> w.text(r.context().nsg())),
    RULE(Column.text("rule").priority(4), (r, w, a) -> w.text(r.context().rule())),
    MAC(Column.text("mac").hidden(), (r, w, a) -> w.text(r.context().mac())),
    SRC_IP(Column.address("srcIp"), (r, w, a) -> w.address(r.srcHi(), r.srcLo())),
    DST_IP(Column.address("dstIp"), (r, w, a) -> w.address(r.dstHi(), r.dstLo())),
    SRC_PORT(Column.integer("srcPort").priority(3), (r, w, a) -> w.integer(r.srcPort())),
    DST_PORT(Column.integer("dstPort"), (r, w, a) -> w.integer(r.dstPort())),
    PROTOCOL(Column.text("protocol").priority(2), (r, w, a) -> w.text(Protocol.name(r.protocol()))),
    DIRECTION(Column.text("direction").priority(6), (r, w, a) -> w.text(r.direction().label())),
    ACTION(Column.text("action"), (r, w, a) -> w.text(r.action().label())),
    STATE(Column.text("state").priority(5), (r, w, a) -> w.text(r.state() == null ? null : r.state().label())),
    PACKETS_SRC_TO_DST(Column.count("packetsSrcToDst").hidden(), (r, w, a) -> counter(w, r.packetsSrcToDst())),
    BYTES_SRC_TO_DST(Column.bytes("bytesSrcToDst").priority(1), (r, w, a) -> counter(w, r.bytesSrcToDst())),
    PACKETS_DST_TO_SRC(Column.count("packetsDstToSrc").hidden(), (r, w, a) -> counter(w, r.packetsDstToSrc())),
    BYTES_DST_TO_SRC(Column.bytes("bytesDstToSrc").priority(1), (r, w, a) -> counter(w, r.bytesDstToSrc())),
    /** Both directions summed, as every report counts them; null when the tuple carries no counters. */
    PACKETS(Column.count("packets"), (r, w, a) -> counter(w, r.hasCounters() ? r.packets() : FlowRow.ABSENT)),
    BYTES(Column.bytes("bytes"), (r, w, a) -> counter(w, r.hasCounters() ? r.bytes() : FlowRow.ABSENT)),
    ENCRYPTION(Column.text("encryption").hidden(), (r, w, a) -> w.text(r.encryption())),
    ACL_ID(Column.text("aclId").hidden(), (r, w, a) -> w.text(r.context().aclId())),
    TARGET_RESOURCE(Column.text("targetResource").hidden(), (r, w, a) -> w.text(r.context().targetResource())),
    FLOW_LOG(Column.text("flowLog").hidden(), (r, w, a) -> w.text(r.context().flowLog())),
    SRC_CLASS(AddressField.CLASS, true),
    SRC_TAG(AddressField.TAG, true),
    SRC_REGION(AddressField.REGION, true),
    SRC_COUNTRY(AddressField.COUNTRY, true),
    SRC_ASN(AddressField.ASN, true),
    SRC_ORG(AddressField.ORG, true),
    SRC_LISTS(AddressField.LISTS, true),
    DST_CLASS(AddressField.CLASS, false),
    DST_TAG(AddressField.TAG, false),
    DST_REGION(AddressField.REGION, false),
    DST_COUNTRY(AddressField.COUNTRY, false),
    DST_ASN(AddressField.ASN, false),
    DST_ORG(AddressField.ORG, false),
    DST_LISTS(AddressField.LISTS, false);

    /**
     * The fields written when none are named: all but the two sums, which repeat the per-direction
     * counters and are there to be asked for ({@code --fields ...,packets,bytes} or {@code all}).
     */
    public static final List<FlowField> DEFAULT = java.util.Arrays.stream(values())
            .filter(f -> f != PACKETS && f != BYTES && f.address == null).toList();

    /** Writes one field of a row as a cell; {@code addresses} holds what is known of its two addresses. */
    @FunctionalInterface
    interface CellWriter {
        void write(FlowRow row, TableSink writer, AddressPair addresses);
    }

    private final Column column;
    private final CellWriter cell;
    /** For an enrichment field: which one; null for the fields of the tuple itself. */
    private final AddressField address;
    private final boolean src;

    FlowField(Column column, CellWriter cell) {
        this.column = column;
        this.cell = cell;
        this.address = null;
        this.src = false;
    }

    /** An enrichment field of one side, shown by tables after the tuple's own fields. */
    FlowField(AddressField field, boolean src) {
        this.column = field.column(src ? "src" : "dst").priority(field == AddressField.LISTS ? 1 : 6);
        this.cell = (r, w, a) -> field.write(src ? a.src() : a.dst(), w);
        this.address = field;
        this.src = src;
    }

    public Column column() {
        return column;
    }

    /** The enrichment field this is, or null for a field of the tuple itself. */
    public AddressField address() {
        return address;
    }

    /** For an enrichment field: whether it is the source's. */
    public boolean isSource() {
        return src;
    }

    void write(FlowRow row, TableSink writer, AddressPair addresses) {
        cell.write(row, writer, addresses);
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
