package io.nsgflow.report;

import io.nsgflow.model.IpAddress;
import java.io.Serializable;

/**
 * A set of {@link FlowKey}s, for the connections {@link FlowIdentity} holds open: a tuple is
 * looked up, added or removed without making a key object or a map entry. A key between two IPv4
 * addresses, nearly every one, is held in three longs (both addresses in one, MAC and protocol,
 * ports) rather than six, which halves the heap an open connection costs; a key with an IPv6 side
 * keeps all six. Both are held exactly: which table a key is in follows from the key alone.
 */
final class FlowKeySet implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Longs a key takes in {@link #toArray()}: what a checkpoint carries, whatever the key's family. */
    static final int WIDTH = 6;
    private static final long LOW_32 = 0xFFFFFFFFL;

    private final KeyTable v4 = new KeyTable(3);
    private final KeyTable v6 = new KeyTable(WIDTH);

    /** Adds the key; false when it was already there. */
    boolean add(long srcHi, long srcLo, long dstHi, long dstLo, long macProtocol, long ports) {
        return bothV4(srcHi, srcLo, dstHi, dstLo) ? v4.add(pair(srcLo, dstLo), macProtocol, ports, 0, 0, 0)
                : v6.add(srcHi, srcLo, dstHi, dstLo, macProtocol, ports);
    }

    /** Removes the key; false when it was not there. */
    boolean remove(long srcHi, long srcLo, long dstHi, long dstLo, long macProtocol, long ports) {
        return bothV4(srcHi, srcLo, dstHi, dstLo) ? v4.remove(pair(srcLo, dstLo), macProtocol, ports, 0, 0, 0)
                : v6.remove(srcHi, srcLo, dstHi, dstLo, macProtocol, ports);
    }

    /** True when the key is in the set. */
    boolean contains(long srcHi, long srcLo, long dstHi, long dstLo, long macProtocol, long ports) {
        return bothV4(srcHi, srcLo, dstHi, dstLo) ? v4.contains(pair(srcLo, dstLo), macProtocol, ports, 0, 0, 0)
                : v6.contains(srcHi, srcLo, dstHi, dstLo, macProtocol, ports);
    }

    boolean contains(FlowKey k) {
        return contains(k.srcHi, k.srcLo, k.dstHi, k.dstLo, k.macProtocol, k.ports);
    }

    boolean add(FlowKey k) {
        return add(k.srcHi, k.srcLo, k.dstHi, k.dstLo, k.macProtocol, k.ports);
    }

    boolean remove(FlowKey k) {
        return remove(k.srcHi, k.srcLo, k.dstHi, k.dstLo, k.macProtocol, k.ports);
    }

    /** Adds every key of {@code other}. */
    void addAll(FlowKeySet other) {
        other.forEach(this::add);
    }

    /** Removes every key of {@code other}. */
    void removeAll(FlowKeySet other) {
        other.forEach(this::remove);
    }

    /** Receives one key's six parts. */
    private interface KeyVisitor {
        boolean visit(long srcHi, long srcLo, long dstHi, long dstLo, long macProtocol, long ports);
    }

    /** Visits every key in its six parts: the IPv4 ones first, each table in slot order. */
    private void forEach(KeyVisitor visitor) {
        v4.forEach((pair, macProtocol, ports, unused1, unused2, unused3) -> visitor.visit(IpAddress.V4_HI,
                srcLo(pair), IpAddress.V4_HI, dstLo(pair), macProtocol, ports));
        v6.forEach(visitor::visit);
    }

    int size() {
        return v4.size() + v6.size();
    }

    boolean isEmpty() {
        return size() == 0;
    }

    /** Every key, {@link #WIDTH} longs each: what a checkpoint carries to the next run. */
    long[] toArray() {
        long[] out = new long[size() * WIDTH];
        int[] n = {0};
        forEach((srcHi, srcLo, dstHi, dstLo, macProtocol, ports) -> {
            int o = n[0];
            out[o] = srcHi;
            out[o + 1] = srcLo;
            out[o + 2] = dstHi;
            out[o + 3] = dstLo;
            out[o + 4] = macProtocol;
            out[o + 5] = ports;
            n[0] += WIDTH;
            return true;
        });
        return out;
    }

    /** Adds the keys of {@code packed}, {@link #WIDTH} longs each, as {@link #toArray()} gives them. */
    void addAll(long[] packed) {
        for (int o = 0; o + WIDTH <= packed.length; o += WIDTH) {
            add(packed[o], packed[o + 1], packed[o + 2], packed[o + 3], packed[o + 4], packed[o + 5]);
        }
    }

    static boolean bothV4(long srcHi, long srcLo, long dstHi, long dstLo) {
        return IpAddress.isV4(srcHi, srcLo) && IpAddress.isV4(dstHi, dstLo);
    }

    /** Two IPv4 addresses (their low halves) in one long: the source's 32 bits, then the destination's. */
    static long pair(long srcLo, long dstLo) {
        return (srcLo & LOW_32) << 32 | dstLo & LOW_32;
    }

    /** The source's low half, out of a {@link #pair}. */
    static long srcLo(long pair) {
        return IpAddress.v4Lo((int) (pair >>> 32));
    }

    /** The destination's low half, out of a {@link #pair}. */
    static long dstLo(long pair) {
        return IpAddress.v4Lo((int) pair);
    }
}
