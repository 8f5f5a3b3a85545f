package io.nsgflow.report;

import io.nsgflow.format.Column;
import io.nsgflow.format.TableWriter;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.Protocol;
import java.util.List;
import java.util.Locale;

/**
 * The row schema of {@code flows}: every column, its name (the NDJSON key and CSV header) and how
 * it is written. The order here is the default column order.
 */
public enum FlowField {
    TIME(Column.text("time"), (r, w, t) -> w.text(t.time(r.timeMillis()))),
    VERSION(Column.integer("version"), (r, w, t) -> w.integer(r.context().version())),
    SUBSCRIPTION(Column.text("subscription"), (r, w, t) -> w.text(r.context().subscription())),
    RESOURCE_GROUP(Column.text("resourceGroup"), (r, w, t) -> w.text(r.context().resourceGroup())),
    NSG(Column.text("nsg"), (r, w, t) -> w.text(r.context().nsg())),
    RULE(Column.text("rule"), (r, w, t) -> w.text(r.context().rule())),
    MAC(Column.text("mac"), (r, w, t) -> w.text(r.context().mac())),
    SRC_IP(Column.text("srcIp"), (r, w, t) -> w.text(t.ip(r.srcHi(), r.srcLo()))),
    DST_IP(Column.text("dstIp"), (r, w, t) -> w.text(t.ip(r.dstHi(), r.dstLo()))),
    SRC_PORT(Column.integer("srcPort"), (r, w, t) -> w.integer(r.srcPort())),
    DST_PORT(Column.integer("dstPort"), (r, w, t) -> w.integer(r.dstPort())),
    PROTOCOL(Column.text("protocol"), (r, w, t) -> w.text(Protocol.name(r.protocol()))),
    DIRECTION(Column.text("direction"), (r, w, t) -> w.text(r.direction().label())),
    ACTION(Column.text("action"), (r, w, t) -> w.text(r.action().label())),
    STATE(Column.text("state"), (r, w, t) -> w.text(r.state() == null ? null : r.state().label())),
    PACKETS_SRC_TO_DST(Column.integer("packetsSrcToDst"), (r, w, t) -> counter(w, r.packetsSrcToDst())),
    BYTES_SRC_TO_DST(Column.integer("bytesSrcToDst"), (r, w, t) -> counter(w, r.bytesSrcToDst())),
    PACKETS_DST_TO_SRC(Column.integer("packetsDstToSrc"), (r, w, t) -> counter(w, r.packetsDstToSrc())),
    BYTES_DST_TO_SRC(Column.integer("bytesDstToSrc"), (r, w, t) -> counter(w, r.bytesDstToSrc())),
    ENCRYPTION(Column.text("encryption"), (r, w, t) -> w.text(r.encryption())),
    ACL_ID(Column.text("aclId"), (r, w, t) -> w.text(r.context().aclId())),
    TARGET_RESOURCE(Column.text("targetResource"), (r, w, t) -> w.text(r.context().targetResource())),
    FLOW_LOG(Column.text("flowLog"), (r, w, t) -> w.text(r.context().flowLog()));

    /** What {@code flows --format table} shows without {@code --fields}: the columns that fit a screen. */
    public static final List<FlowField> TABLE_DEFAULT = List.of(TIME, NSG, RULE, SRC_IP, SRC_PORT, DST_IP, DST_PORT,
            PROTOCOL, DIRECTION, ACTION, STATE, BYTES_SRC_TO_DST, BYTES_DST_TO_SRC);

    /** Writes one field of a row as a cell; {@link CellText} holds reusable text for addresses and times. */
    @FunctionalInterface
    interface CellWriter {
        void write(FlowRow row, TableWriter writer, CellText text);
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

    void write(FlowRow row, TableWriter writer, CellText text) {
        cell.write(row, writer, text);
    }

    private static void counter(TableWriter w, long value) {
        if (value == FlowRow.ABSENT) {
            w.nul();
        } else {
            w.integer(value);
        }
    }

    /**
     * Parses a {@code --fields} list of column names (exactly as in the schema, any case), or
     * {@code all}.
     *
     * @throws IllegalArgumentException naming the unknown field and listing the known ones
     */
    public static List<FlowField> parseList(String list) {
        if (list.trim().equalsIgnoreCase("all")) {
            return List.of(values());
        }
        List<FlowField> fields = new java.util.ArrayList<>();
        for (String name : list.split(",")) {
            fields.add(byName(name.trim()));
        }
        return fields;
    }

    private static FlowField byName(String name) {
        for (FlowField f : values()) {
            if (f.column.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown field '" + name + "'; fields are: " + names());
    }

    /** Every field name, comma separated, in schema order. */
    public static String names() {
        StringBuilder sb = new StringBuilder();
        for (FlowField f : values()) {
            sb.append(sb.length() == 0 ? "" : ",").append(f.column.name());
        }
        return sb.toString();
    }
}
