package io.nsgflow.report;

import io.nsgflow.model.FlowRow;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * slice); {@link #merge} settles them against what came before. To know which keys its slice
 * closed, and which of its orphans came after an {@code E} of their key, it logs the key of every
 * {@code E} in order ({@link FlowKeyLog}: no hashing while reading, 24 bytes an IPv4 key, 1 MB of
 * them in the heap and the rest in an unlinked temporary file), which the merge reads through.
 * That makes the merge exact for every sequence with a partial's heap as flat as the whole's.
 */
final class FlowIdentity implements Serializable {
    private static final long serialVersionUID = 2L;

    /**
     * The orphans of one key that a partial holds until it is merged. Decided, they are the key's
     * leading orphan ({@code first}: its first tuple in the slice, a {@code C} or {@code E}) and its
     * first inner one ({@code second}: the first {@code C} or {@code E} after an {@code E} of the key
     * in the slice), each maybe null. While reading they are not decided yet: {@code first} is the
     * key's first orphan and {@code second} its next, and the first is leading unless an {@code E}
     * of the key came before it, which the log of {@code E}s tells once the slice is read ({@link #settle}).
     */
    private static final class Orphans implements Serializable {
        private static final long serialVersionUID = 2L;
        private static final long DECIDED = -1;

        FlowRow first;
        FlowRow second;
        /** The {@code E}s logged before {@code first}; {@link #DECIDED} once it is known which orphan is which. */
        long mark;

        Orphans(FlowRow first, FlowRow second, long mark) {
            this.first = first;
            this.second = second;
            this.mark = mark;
        }
    }

    private final boolean partial;
    /** Keys whose last tuple was {@code B} or {@code C}. */
    private final FlowKeySet open = new FlowKeySet();
    /** From the input's start: the keys whose one orphan flow is counted. Null in a partial. */
    private final FlowKeySet orphaned;
    /** A partial's keys of its {@code E} tuples, in order. Null from the input's start. */
    private final FlowKeyLog ends;
    /** A partial's orphans by key, in the order first seen. */
    private final Map<FlowKey, Orphans> pending = new LinkedHashMap<>();
    /** The MAC of the last row and its bits: rows come in runs of one context, so the MAC is parsed once a run. */
    private String lastMac;
    private long lastMacBits = FlowKey.macBits(null);

    /** @param partial true for a slice that may follow others; false for one read from the input's start */
    FlowIdentity(boolean partial) {
        this.partial = partial;
        this.orphaned = partial ? null : new FlowKeySet();
        this.ends = partial ? new FlowKeyLog() : null;
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
                return true;
            }
            case CONTINUING -> {
                if (!open.add(srcHi, srcLo, dstHi, dstLo, macProtocol, ports)) {
                    return false;
                }
                return partial ? hold(row) : orphaned.add(srcHi, srcLo, dstHi, dstLo, macProtocol, ports);
            }
            default -> {
                boolean wasOpen = open.remove(srcHi, srcLo, dstHi, dstLo, macProtocol, ports);
                if (!partial) {
                    return !wasOpen && orphaned.add(srcHi, srcLo, dstHi, dstLo, macProtocol, ports);
                }
                boolean counts = !wasOpen && hold(row);
                ends.append(srcHi, srcLo, dstHi, dstLo, macProtocol, ports);
                return counts;
            }
        }
    }

    /**
     * Holds a partial's orphan: the key's first, with the number of {@code E}s logged before it,
     * and its second (any later one is never a flow: the first is leading or inner, and the key
     * gets one orphan flow, or the first is inner itself).
     *
     * @return false: an orphan of a partial is not a flow yet
     */
    private boolean hold(FlowRow row) {
        FlowKey key = FlowKey.of(row, lastMacBits);
        Orphans o = pending.get(key);
        if (o == null) {
            pending.put(key, new Orphans(row.copy(), null, ends.size()));
        } else if (o.second == null) {
            o.second = row.copy();
        }
        return false;
    }

    /**
     * Decides which of a partial's orphans are leading and which inner: in one pass over its log,
     * a key's first orphan is inner when an {@code E} of the key came before it (the key had closed
     * in the slice), else leading.
     */
    private void settle() {
        FlowKeySet undecided = new FlowKeySet();
        long end = 0;
        for (Map.Entry<FlowKey, Orphans> e : pending.entrySet()) {
            if (e.getValue().mark > 0) { // with no E before it, the first orphan is leading
                undecided.add(e.getKey());
                end = Math.max(end, e.getValue().mark);
            }
        }
        if (!undecided.isEmpty()) {
            ends.forEach(end, (i, srcHi, srcLo, dstHi, dstLo, macProtocol, ports) -> {
                if (undecided.contains(srcHi, srcLo, dstHi, dstLo, macProtocol, ports)) {
                    Orphans o = pending.get(FlowKey.of(srcHi, srcLo, dstHi, dstLo, macProtocol, ports));
                    if (i < o.mark) {
                        o.second = o.first;
                        o.first = null;
                        o.mark = Orphans.DECIDED;
                        undecided.remove(srcHi, srcLo, dstHi, dstLo, macProtocol, ports);
                    }
                }
            });
        }
        for (Orphans o : pending.values()) {
            o.mark = Orphans.DECIDED;
        }
    }

    /** Connections open now (begun and not ended). */
    int openCount() {
        return open.size();
    }

    /** Keys held in memory: open connections, orphans waiting to be settled, keys orphaned, and a partial's logged ends. */
    long keysHeld() {
        return open.size() + pending.size() + (orphaned != null ? orphaned.size() : 0) + (ends != null ? ends.keysInHeap() : 0);
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
     * then in the state {@code later} left it in, when {@code later} saw it: the keys open here
     * that {@code later} closed are those with an {@code E} in its log, less those it left open.
     * {@code later} is used up.
     *
     * @return the rows that are flows now: orphans settled as flows, when this one reads from the
     *         input's start (a partial keeps them, settled as far as it can be, for its own merge)
     */
    List<FlowRow> merge(FlowIdentity later) {
        if (!later.partial) {
            throw new IllegalArgumentException("only a partial follows another slice");
        }
        later.settle();
        Set<FlowKey> unseen = partial ? unseen(later.pending.keySet()) : Set.of();
        List<FlowRow> flows = new ArrayList<>();
        for (Map.Entry<FlowKey, Orphans> e : later.pending.entrySet()) {
            FlowKey key = e.getKey();
            Orphans theirs = e.getValue();
            if (unseen.contains(key)) {
                pending.put(key, theirs); // this slice never saw the key: still unsettled
                continue;
            }
            FlowRow orphan = !open.contains(key) && theirs.first != null ? theirs.first : theirs.second;
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
                pending.put(key, new Orphans(null, orphan, Orphans.DECIDED));
            } else if (mine.second == null) {
                mine.second = orphan; // decided or not, the orphan after all of this slice is its next
            }
        }
        later.ends.forEach((i, srcHi, srcLo, dstHi, dstLo, macProtocol, ports) -> open.remove(srcHi, srcLo, dstHi, dstLo,
                macProtocol, ports));
        open.addAll(later.open);
        if (partial) {
            ends.appendAll(later.ends);
        }
        later.ends.clear();
        return flows;
    }

    /** Those of {@code keys} that this partial's slice never saw: not open, not orphaned, and no {@code E} of them logged. */
    private Set<FlowKey> unseen(Set<FlowKey> keys) {
        FlowKeySet candidates = new FlowKeySet();
        for (FlowKey key : keys) {
            if (!open.contains(key) && !pending.containsKey(key)) {
                candidates.add(key);
            }
        }
        if (!candidates.isEmpty()) {
            ends.forEach((i, srcHi, srcLo, dstHi, dstLo, macProtocol, ports) -> candidates.remove(srcHi, srcLo, dstHi, dstLo,
                    macProtocol, ports));
        }
        Set<FlowKey> unseen = new HashSet<>();
        for (FlowKey key : keys) {
            if (candidates.contains(key)) {
                unseen.add(key);
            }
        }
        return unseen;
    }
}
