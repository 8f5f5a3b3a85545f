package io.nsgflow.format.parquet;

import io.nsgflow.model.FlowRow;
import io.nsgflow.model.IpAddress;
import io.nsgflow.model.Protocol;
import io.nsgflow.report.FlowField;

/**
 * The typed form of {@code flows}' row schema, for formats that store types rather than text
 * (Parquet here, Spark's DataFrame in nsgflow-spark): each field's type, and its typed value in a
 * row. The names are {@link FlowField}'s; the values are those {@code flows -f ndjson} writes as
 * text. This class names no Parquet type, so that a module with its own Parquet (Spark) can use it.
 */
public final class FlowSchema {
    /** The value types of the row schema. */
    public enum Type {
        /** UTC instant in milliseconds (NSG logs have seconds, VNet logs milliseconds). */
        TIMESTAMP_MILLIS,
        /** The log's schema version: 1, 2 or 4. */
        INT8,
        /** Ports 0 to 65535. */
        INT32,
        /** Packet and byte counters. */
        INT64,
        TEXT
    }

    private FlowSchema() {
    }

    public static Type type(FlowField field) {
        return switch (field) {
            case TIME -> Type.TIMESTAMP_MILLIS;
            case VERSION -> Type.INT8;
            case SRC_PORT, DST_PORT -> Type.INT32;
            case PACKETS_SRC_TO_DST, BYTES_SRC_TO_DST, PACKETS_DST_TO_SRC, BYTES_DST_TO_SRC, PACKETS, BYTES -> Type.INT64;
            case SUBSCRIPTION, RESOURCE_GROUP, NSG, RULE, MAC, SRC_IP, DST_IP, PROTOCOL, DIRECTION, ACTION, STATE,
                    ENCRYPTION, ACL_ID, TARGET_RESOURCE, FLOW_LOG -> Type.TEXT;
            // the enrichment fields: refused before a Parquet export starts (FlowsCommand)
            default -> throw new IllegalArgumentException(field + " is an enrichment field, not in the Parquet schema");
        };
    }

    /**
     * The value of a numeric field ({@link #type} other than {@code TEXT}), or {@link FlowRow#ABSENT}
     * for a counter the tuple leaves empty (write a null).
     */
    public static long number(FlowField field, FlowRow row) {
        return switch (field) {
            case TIME -> row.timeMillis();
            case VERSION -> row.context().version();
            case SRC_PORT -> row.srcPort();
            case DST_PORT -> row.dstPort();
            case PACKETS_SRC_TO_DST -> row.packetsSrcToDst();
            case BYTES_SRC_TO_DST -> row.bytesSrcToDst();
            case PACKETS_DST_TO_SRC -> row.packetsDstToSrc();
            case BYTES_DST_TO_SRC -> row.bytesDstToSrc();
            case PACKETS -> row.hasCounters() ? row.packets() : FlowRow.ABSENT;
            case BYTES -> row.hasCounters() ? row.bytes() : FlowRow.ABSENT;
            default -> throw new IllegalArgumentException(field + " is text");
        };
    }

    /** The value of a {@code TEXT} field, or null where the log leaves it empty. */
    public static String text(FlowField field, FlowRow row) {
        return switch (field) {
            case SUBSCRIPTION -> row.context().subscription();
            case RESOURCE_GROUP -> row.context().resourceGroup();
            case NSG -> row.context().nsg();
            case RULE -> row.context().rule();
            case MAC -> row.context().mac();
            case SRC_IP -> IpAddress.toString(row.srcHi(), row.srcLo());
            case DST_IP -> IpAddress.toString(row.dstHi(), row.dstLo());
            case PROTOCOL -> Protocol.name(row.protocol());
            case DIRECTION -> row.direction().label();
            case ACTION -> row.action().label();
            case STATE -> row.state() == null ? null : row.state().label();
            case ENCRYPTION -> row.encryption();
            case ACL_ID -> row.context().aclId();
            case TARGET_RESOURCE -> row.context().targetResource();
            case FLOW_LOG -> row.context().flowLog();
            default -> throw new IllegalArgumentException(field + " is a number");
        };
    }
}
