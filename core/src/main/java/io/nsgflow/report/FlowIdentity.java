package io.nsgflow.report;

import io.nsgflow.model.Action;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.FlowState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which tuples count as flows (connections), so that every command counts them alike:
 * every version-1 tuple (v1 has no state), every {@code B} tuple, every VNet {@code D} tuple, and
 * a {@code C} or {@code E} tuple whose connection was not begun earlier in the input, once, when
 * first seen ("orphans": connections that began before the window).
 *
 * <p>Memory follows concurrent connections, not input size: the keys of allowed connections are
 * held from {@code B} until {@code E}. Denied connections never continue, so they are not held.
 *
 * <p>The first orphan of each key is not counted at once but kept <em>pending</em>, with a copy
 * of its tuple, and counted by {@link #drainPending()} at the end; later orphans of the same key
 * count at once, as no merge can undo them. That makes partial results exact to merge: a connection whose {@code B} is in one slice of the input and whose {@code C} starts the
 * next is dropped from the later slice's pending list when the two are merged. One case stays
 * inexact: a second {@code B} for a connection already open in an earlier slice, followed by its
 * {@code E} and a further orphan of the same key, all in the later slice.
 */
final class FlowIdentity implements Mergeable<FlowIdentity> {
    private final FlowKeySet open = new FlowKeySet();
    private final List<Orphan> pending = new ArrayList<>();
    private final Set<FlowKey> pendingKeys = new HashSet<>();
    /** The MAC of the last row and its bits: rows come in runs of one context, so the MAC is parsed once a run. */
    private String lastMac;
    private long lastMacBits = FlowKey.macBits(null);

    private record Orphan(FlowKey key, FlowRow first) {
    }

    /**
     * Whether {@code row} counts as a flow now. False for continuations and for the first orphan
     * of a key, which is held pending (a copy of the row is kept).
     */
    boolean countsNow(FlowRow row) {
        FlowState state = row.state();
        if (state == null || state == FlowState.DENY || row.action() == Action.DENY && state == FlowState.BEGIN) {
            return true;
        }
        String mac = row.context().mac();
        if (mac != lastMac) { // identity: the same context's String
            lastMac = mac;
            lastMacBits = FlowKey.macBits(mac);
        }
        long macProtocol = FlowKey.macProtocol(row, lastMacBits);
        int ports = FlowKey.ports(row);
        switch (state) {
            case BEGIN -> {
                open.add(row.srcHi(), row.srcLo(), row.dstHi(), row.dstLo(), macProtocol, ports);
                return true;
            }
            case CONTINUING -> {
                return open.add(row.srcHi(), row.srcLo(), row.dstHi(), row.dstLo(), macProtocol, ports)
                        && orphan(FlowKey.of(row, lastMacBits), row);
            }
            default -> {
                return !open.remove(row.srcHi(), row.srcLo(), row.dstHi(), row.dstLo(), macProtocol, ports)
                        && orphan(FlowKey.of(row, lastMacBits), row);
            }
        }
    }

    /**
     * An orphan: only the first of its key can turn out, on a merge, to continue a connection
     * begun in the earlier input, so only that one waits (with a copy of the row); later orphans
     * of the same key are flows whatever comes before, and count at once. Pending orphans are
     * thus bounded by distinct keys, not by input size (duplicated blobs, denied flows with C/E
     * tuples).
     */
    private boolean orphan(FlowKey key, FlowRow row) {
        if (pendingKeys.add(key)) {
            pending.add(new Orphan(key, row.copy()));
            return false;
        }
        return true;
    }

    /** The first tuples of the orphans still pending, in input order; they are counted now and forgotten. */
    List<FlowRow> drainPending() {
        List<FlowRow> rows = new ArrayList<>(pending.size());
        for (Orphan o : pending) {
            rows.add(o.first());
        }
        pending.clear();
        pendingKeys.clear();
        return rows;
    }

    /** Connections open now (begun and not ended). */
    int openCount() {
        return open.size();
    }

    /** Connections left open by an earlier run: their {@code C} and {@code E} tuples continue them, and are no new flows. */
    void carry(long[] keys) {
        open.addAll(keys);
    }

    /** The connections open now, packed for a checkpoint. */
    long[] openKeys() {
        return open.toArray();
    }

    /**
     * Appends {@code later}, which read the input that follows this one's. Its first orphan of a
     * key still open here continues a connection begun here, so it is no flow; the key's state
     * is then what {@code later} left it in.
     */
    @Override
    public void merge(FlowIdentity later) {
        for (Orphan o : later.pending) {
            if (!open.remove(o.key())) {
                pending.add(o);
                pendingKeys.add(o.key());
            }
        }
        open.addAll(later.open);
    }
}
