package io.nsgflow.report;

import io.nsgflow.model.FlowRow;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which tuples count as flows (connections), the one place every command asks:
 * <ul>
 * <li>a tuple that is a whole flow by itself ({@link FlowRow#isWholeFlow()}: version 1, denials);
 * <li>every {@code B} tuple (a {@code B} for a connection already open begins a new one);
 * <li>for a connection key (MAC and 5-tuple) whose {@code C} or {@code E} tuples come while it is
 *     not open ("orphans": the connection began before the input), the first such tuple of the
 *     key in the whole input, once: a key seen only as {@code C}/{@code E} tuples, any number of
 *     times, is one flow.
 * </ul>
 * A {@code B} or {@code C} leaves the key open, an {@code E} closes it. Repeated tuples
 * ({@link FlowRow#isRepeat()}) are not asked about: they count once, as their first.
 *
 * <p>Memory follows open connections and orphan keys, not input size. A <em>partial</em> reads a
 * slice of the input that may follow others, so it cannot know whether its first tuples of a key
 * continue a connection begun earlier: it counts its {@code B}s at once and holds, per key, the
 * orphan that would count if the key was closed at its start (its leading {@code C}/{@code E}) and
 * the one that counts if it was open (the first {@code C}/{@code E} after an {@code E} in the
 * slice), and which keys its slice left closed; {@link #merge} settles them against what came
 * before. That makes the merge exact for every sequence; the price is a partial's set of
 * connections it saw end, about 100 bytes per connection ended in its slice.
 */
final class FlowIdentity implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The orphans of one key that a partial holds until it is merged. */
    private static final class Orphans implements Serializable {
        private static final long serialVersionUID = 1L;

        /** The key's first tuple in the slice, when it was a {@code C} or {@code E}; else null. */
        final FlowRow leading;
        /** The first {@code C} or {@code E} that came after the key closed in the slice; else null. */
        FlowRow inner;

        Orphans(FlowRow leading, FlowRow inner) {
            this.leading = leading;
            this.inner = inner;
        }
    }

    private final boolean partial;
    /** Keys whose last tuple was {@code B} or {@code C}. */
    private final FlowKeySet open = new FlowKeySet();
    /** From the input's start: the keys whose one orphan flow is counted. Null in a partial. */
    private final FlowKeySet orphaned;
    /** A partial's keys whose last tuple in its slice was {@code E}. Null from the input's start. */
    private final FlowKeySet ended;
    /** A partial's orphans by key, in the order first seen. */
    private final Map<FlowKey, Orphans> pending = new LinkedHashMap<>();
    /** The MAC of the last row and its bits: rows come in runs of one context, so the MAC is parsed once a run. */
    private String lastMac;
    private long lastMacBits = FlowKey.macBits(null);

    /** @param partial true for a slice that may follow others; false for one read from the input's start */
    FlowIdentity(boolean partial) {
        this.partial = partial;
        this.orphaned = partial ? null : new FlowKeySet();
        this.ended = partial ? new FlowKeySet() : null;
    }

    /**
     * Whether {@code row} counts as a flow now. In a partial, orphans never do: they wait for
     * {@link #merge} (a copy of the row is kept).
     */
    boolean countsNow(FlowRow row) {
        if (row.isWholeFlow()) {
            return true;
        }
        String mac = row.context().mac();
        if (mac != lastMac) { // identity: the same context's String
            lastMac = mac;
            lastMacBits = FlowKey.macBits(mac);
        }
        long macProtocol = FlowKey.macProtocol(row, lastMacBits);
        int ports = FlowKey.ports(row);
        long srcHi = row.srcHi();
        long srcLo = row.srcLo();
        long dstHi = row.dstHi();
        long dstLo = row.dstLo();
        switch (row.state()) {
            case BEGIN -> {
                open.add(srcHi, srcLo, dstHi, dstLo, macProtocol, ports);
                if (partial) {
                    ended.remove(srcHi, srcLo, dstHi, dstLo, macProtocol, ports);
                }
                return true;
            }
            case CONTINUING -> {
                if (!open.add(srcHi, srcLo, dstHi, dstLo, macProtocol, ports)) {
                    return false;
                }
                return partial ? hold(row, ended.remove(srcHi, srcLo, dstHi, dstLo, macProtocol, ports))
                        : orphaned.add(srcHi, srcLo, dstHi, dstLo, macProtocol, ports);
            }
            default -> {
                boolean wasOpen = open.remove(srcHi, srcLo, dstHi, dstLo, macProtocol, ports);
                if (!partial) {
                    return !wasOpen && orphaned.add(srcHi, srcLo, dstHi, dstLo, macProtocol, ports);
                }
                boolean closedBefore = !ended.add(srcHi, srcLo, dstHi, dstLo, macProtocol, ports);
                return !wasOpen && hold(row, closedBefore);
            }
        }
    }

    /**
     * Holds a partial's orphan: its key's leading tuple when the slice had not seen the key
     * before, else (the key closed earlier in the slice) its first inner orphan.
     *
     * @return false: an orphan of a partial is not a flow yet
     */
    private boolean hold(FlowRow row, boolean closedBefore) {
        FlowKey key = FlowKey.of(row, lastMacBits);
        Orphans o = pending.get(key);
        if (!closedBefore) {
            pending.put(key, new Orphans(row.copy(), null));
        } else if (o == null) {
            pending.put(key, new Orphans(null, row.copy()));
        } else if (o.inner == null) {
            o.inner = row.copy();
        }
        return false;
    }

    /** Connections open now (begun and not ended). */
    int openCount() {
        return open.size();
    }

    /** Keys held: open connections, orphans waiting to be settled, and keys a partial saw end or orphaned. */
    long keysHeld() {
        return open.size() + pending.size() + (orphaned != null ? orphaned.size() : 0) + (ended != null ? ended.size() : 0);
    }

    /**
     * Connections left open by an earlier run (their {@code C} and {@code E} tuples continue them,
     * and are no new flows), and those it counted as orphans (which get no other orphan flow).
     */
    void carry(long[] openKeys, long[] orphanedKeys) {
        open.addAll(openKeys);
        orphaned.addAll(orphanedKeys);
    }

    /** The connections open now, packed for a checkpoint. */
    long[] openKeys() {
        return open.toArray();
    }

    /** The keys whose orphan flow was counted, packed for a checkpoint. */
    long[] orphanedKeys() {
        return orphaned.toArray();
    }

    /**
     * Appends {@code later}, a partial that read the input following this one's. Its orphans are
     * settled against the state this one left each key in: a leading orphan continues a
     * connection open here, and a key that already had its orphan flow gets no other. Each key is
     * then in the state {@code later} left it in, when {@code later} saw it.
     *
     * @return the rows that are flows now: orphans settled as flows, when this one reads from the
     *         input's start (a partial keeps them, settled as far as it can be, for its own merge)
     */
    List<FlowRow> merge(FlowIdentity later) {
        if (!later.partial) {
            throw new IllegalArgumentException("only a partial follows another slice");
        }
        List<FlowRow> flows = new ArrayList<>();
        for (Map.Entry<FlowKey, Orphans> e : later.pending.entrySet()) {
            FlowKey key = e.getKey();
            Orphans theirs = e.getValue();
            if (partial && !open.contains(key) && !ended.contains(key)) {
                pending.put(key, theirs); // this slice never saw the key: still unsettled
                continue;
            }
            FlowRow orphan = !open.contains(key) && theirs.leading != null ? theirs.leading : theirs.inner;
            if (orphan == null) {
                continue;
            }
            if (!partial) {
                if (orphaned.add(key)) {
                    flows.add(orphan);
                }
                continue;
            }
            Orphans mine = pending.get(key);
            if (mine == null) {
                pending.put(key, new Orphans(null, orphan));
            } else if (mine.inner == null) {
                mine.inner = orphan;
            }
        }
        open.removeAll(later.ended);
        open.addAll(later.open);
        if (partial) {
            ended.removeAll(later.open);
            ended.addAll(later.ended);
        }
        return flows;
    }
}
