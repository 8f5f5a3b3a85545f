package io.nsgflow.report;

import io.nsgflow.model.FlowContext;
import io.nsgflow.model.FlowRow;

/** One connection stitched from its tuples: when it was seen, how it ended, what it carried. */
final class Conversation {
    enum State {
        /** An {@code E} tuple closed it. */
        COMPLETE("complete"),
        /** No {@code E} tuple in the input (yet). */
        OPEN("open"),
        /** Denied: a VNet {@code D} tuple, or an NSG {@code B} tuple with decision {@code D}. */
        DENIED("denied");

        final String label;

        State(String label) {
            this.label = label;
        }
    }

    final FlowKey key;
    /** The first tuple's own fields (addresses, ports, direction, action, rule...). */
    final FlowRow first;
    /** Its first tuple was {@code C} or {@code E}: it began before the input window. */
    final boolean startedBefore;
    State state = State.OPEN;
    long lastSeen;
    long tuples;
    final Traffic traffic = new Traffic();

    Conversation(FlowKey key, FlowRow firstTuple, boolean startedBefore) {
        this.key = key;
        this.first = firstTuple.copy();
        this.startedBefore = startedBefore;
        this.lastSeen = firstTuple.timeMillis();
    }

    void add(FlowRow row) {
        tuples++;
        lastSeen = Math.max(lastSeen, row.timeMillis());
        traffic.add(row);
    }

    long firstSeen() {
        return first.timeMillis();
    }

    FlowContext context() {
        return first.context();
    }
}
