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
    TIME(Column.instant("time")),
    VERSION(Column.integer("version").hidden()),
    SUBSCRIPTION(Column.text("subscription").hidden()),
    RESOURCE_GROUP(Column.text("resourceGroup").hidden()),
    NSG(Column.text("nsg").priority(7)),
    RULE(Column.text("rule").priority(4)),
    MAC(Column.text("mac").hidden()),
    SRC_IP(Column.address("srcIp")),
    DST_IP(Column.address("dstIp")),
    SRC_PORT(Column.integer("srcPort").priority(3)),
    DST_PORT(Column.integer("dstPort")),
    PROTOCOL(Column.text("protocol").priority(2)),
    DIRECTION(Column.text("direction").priority(6)),
    ACTION(Column.text("action")),
    STATE(Column.text("state").priority(5)),
    PACKETS_SRC_TO_DST(Column.count("packetsSrcToDst").hidden()),
    BYTES_SRC_TO_DST(Column.bytes("bytesSrcToDst").priority(1)),
    PACKETS_DST_TO_SRC(Column.count("packetsDstToSrc").hidden()),
    BYTES_DST_TO_SRC(Column.bytes("bytesDstToSrc").priority(1)),
    /** Both directions summed, as every report counts them; null when the tuple carries no counters. */
    PACKETS(Column.count("packets")),
    BYTES(Column.bytes("bytes")),
    ENCRYPTION(Column.text("encryption").hidden()),
    ACL_ID(Column.text("aclId").hidden()),
    TARGET_RESOURCE(Column.text("targetResource").hidden()),
    FLOW_LOG(Column.text("flowLog").hidden()),
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

    private final Column column;
    /** For an enrichment field: which one; null for the fields of the tuple itself. */
    private final AddressField address;
    private final boolean src;

    FlowField(Column column) {
        this.column = column;
        this.address = null;
        this.src = false;
    }

    /** An enrichment field of one side, shown by tables after the tuple's own fields. */
    FlowField(AddressField field, boolean src) {
        this.column = field.column(src ? "src" : "dst").priority(field == AddressField.LISTS ? 1 : 6);
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

    /**
     * Writes this field of {@code row} as a cell; {@code addresses} holds what is known of its two
     * addresses. One switch rather than a function per field: the one call site sees every field,
     * and a call through two dozen lambdas was not inlined (13% of the writing thread's samples).
     */
    void write(FlowRow row, TableSink writer, AddressPair addresses) {
        switch (this) {
            case TIME -> writer.instant(row.timeMillis());
            case VERSION -> writer.integer(row.context().version());
            case SUBSCRIPTION -> writer.text(row.context().subscription());
            case RESOURCE_GROUP -> writer.text(row.context().resourceGroup());
            case NSG -> writer.text(row.context().nsg());
            case RULE -> writer.text(row.context().rule());
            case MAC -> writer.text(row.context().mac());
            case SRC_IP -> writer.address(row.srcHi(), row.srcLo());
            case DST_IP -> writer.address(row.dstHi(), row.dstLo());
            case SRC_PORT -> writer.integer(row.srcPort());
            case DST_PORT -> writer.integer(row.dstPort());
            case PROTOCOL -> writer.text(Protocol.name(row.protocol()));
            case DIRECTION -> writer.text(row.direction().label());
            case ACTION -> writer.text(row.action().label());
            case STATE -> writer.text(row.state() == null ? null : row.state().label());
            case PACKETS_SRC_TO_DST -> counter(writer, row.packetsSrcToDst());
            case BYTES_SRC_TO_DST -> counter(writer, row.bytesSrcToDst());
            case PACKETS_DST_TO_SRC -> counter(writer, row.packetsDstToSrc());
            case BYTES_DST_TO_SRC -> counter(writer, row.bytesDstToSrc());
            case PACKETS -> counter(writer, row.hasCounters() ? row.packets() : FlowRow.ABSENT);
            case BYTES -> counter(writer, row.hasCounters() ? row.bytes() : FlowRow.ABSENT);
            case ENCRYPTION -> writer.text(row.encryption());
            case ACL_ID -> writer.text(row.context().aclId());
            case TARGET_RESOURCE -> writer.text(row.context().targetResource());
            case FLOW_LOG -> writer.text(row.context().flowLog());
            default -> address.write(src ? addresses.src() : addresses.dst(), writer); // the enrichment fields
        }
    }

    /** What a cell's value is the same for across rows, so that a run of such cells can be written once per key and copied. */
    enum SharedBy {
        /** Nothing: the row's own (time, addresses, ports, counters, enrichment). */
        ROW,
        /** The row's group: its {@link io.nsgflow.model.FlowContext}. */
        CONTEXT,
        /** The row's protocol, direction, action and state: {@link #labels}. */
        LABELS
    }

    SharedBy sharedBy() {
        return switch (this) {
            case VERSION, SUBSCRIPTION, RESOURCE_GROUP, NSG, RULE, MAC, ACL_ID, TARGET_RESOURCE, FLOW_LOG -> SharedBy.CONTEXT;
            case PROTOCOL, DIRECTION, ACTION, STATE -> SharedBy.LABELS;
            default -> SharedBy.ROW;
        };
    }

    /** The row's {@link SharedBy#LABELS} as one key: equal for rows whose four label cells are equal, and only for those. */
    static long labels(FlowRow row) {
        return row.protocol() & 0xFFFF_FFFFL | (long) place(row.direction()) << 32 | (long) place(row.action()) << 36
                | (long) place(row.state()) << 40;
    }

    /** An enum constant's place from 1, 0 for null. */
    private static int place(Enum<?> e) {
        return e == null ? 0 : e.ordinal() + 1;
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
