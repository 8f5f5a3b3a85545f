package io.nsgflow.report;

import io.nsgflow.model.FlowRow;
import java.io.Serializable;

/**
 * Packets and bytes each way, summed over tuples, for the answers that keep the two directions
 * apart (a conversation, the summary's traffic table). Counters are deltas since the last update
 * of a flow, so the sum over a flow's tuples is its total; absent counters add nothing
 * ({@link FlowRow#counted}).
 */
final class Traffic implements Serializable {
    private static final long serialVersionUID = 1L;

    long packetsSrcToDst;
    long bytesSrcToDst;
    long packetsDstToSrc;
    long bytesDstToSrc;

    void add(FlowRow row) {
        packetsSrcToDst = CounterSum.add(packetsSrcToDst, FlowRow.counted(row.packetsSrcToDst()));
        bytesSrcToDst = CounterSum.add(bytesSrcToDst, FlowRow.counted(row.bytesSrcToDst()));
        packetsDstToSrc = CounterSum.add(packetsDstToSrc, FlowRow.counted(row.packetsDstToSrc()));
        bytesDstToSrc = CounterSum.add(bytesDstToSrc, FlowRow.counted(row.bytesDstToSrc()));
    }

    void add(Traffic other) {
        packetsSrcToDst = CounterSum.add(packetsSrcToDst, other.packetsSrcToDst);
        bytesSrcToDst = CounterSum.add(bytesSrcToDst, other.bytesSrcToDst);
        packetsDstToSrc = CounterSum.add(packetsDstToSrc, other.packetsDstToSrc);
        bytesDstToSrc = CounterSum.add(bytesDstToSrc, other.bytesDstToSrc);
    }
}
