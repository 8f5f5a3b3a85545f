package io.nsgflow.report;

import io.nsgflow.model.FlowRow;
import java.io.Serializable;

/**
 * What identifies one connection across its {@code B}, {@code C} and {@code E} tuples: the
 * network interface's MAC, the protocol and both endpoints. Packed into primitives (no String),
 * about 56 bytes per key, because the keys of every open connection are held at once.
 *
 * <p>A MAC that is not 12 hex digits (or is missing) is folded into a hash of its text above the
 * 48 MAC bits, so it still separates interfaces but cannot collide with a real MAC.
 */
final class FlowKey implements Comparable<FlowKey>, Serializable {
    private static final long serialVersionUID = 1L;

    final long srcHi;
    final long srcLo;
    final long dstHi;
    final long dstLo;
    final long macProtocol;
    final int ports;

    private FlowKey(long srcHi, long srcLo, long dstHi, long dstLo, long macProtocol, int ports) {
        this.srcHi = srcHi;
        this.srcLo = srcLo;
        this.dstHi = dstHi;
        this.dstLo = dstLo;
        this.macProtocol = macProtocol;
        this.ports = ports;
    }

    static FlowKey of(FlowRow row) {
        return of(row, macBits(row.context().mac()));
    }

    /** The key of {@code row}, whose MAC's {@link #macBits} the caller already has. */
    static FlowKey of(FlowRow row, long macBits) {
        return new FlowKey(row.srcHi(), row.srcLo(), row.dstHi(), row.dstLo(), macProtocol(row, macBits), ports(row));
    }

    /** The key of these parts, as a {@link FlowKeySet} or {@link FlowKeyLog} gives them back. */
    static FlowKey of(long srcHi, long srcLo, long dstHi, long dstLo, long macProtocol, int ports) {
        return new FlowKey(srcHi, srcLo, dstHi, dstLo, macProtocol, ports);
    }

    /** The MAC and protocol part of a row's key. */
    static long macProtocol(FlowRow row, long macBits) {
        return macBits << 8 | (row.protocol() & 0xFF);
    }

    /** The ports part of a row's key. */
    static int ports(FlowRow row) {
        return row.srcPort() << 16 | (row.dstPort() & 0xFFFF);
    }

    /** The MAC's 48 bits, or for text that is not a MAC, a hash of it with bit 48 set. */
    static long macBits(String mac) {
        if (mac == null) {
            return 1L << 48;
        }
        if (mac.length() == 12) {
            long bits = 0;
            for (int i = 0; i < 12; i++) {
                int digit = Character.digit(mac.charAt(i), 16);
                if (digit < 0) {
                    return notAMac(mac);
                }
                bits = bits << 4 | digit;
            }
            return bits;
        }
        return notAMac(mac);
    }

    private static long notAMac(String mac) {
        return 1L << 48 | (mac.hashCode() & 0x7FFFL) << 33;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlowKey k && srcHi == k.srcHi && srcLo == k.srcLo && dstHi == k.dstHi
                && dstLo == k.dstLo && macProtocol == k.macProtocol && ports == k.ports;
    }

    @Override
    public int hashCode() {
        long h = srcLo * 31 + dstLo;
        h = h * 31 + srcHi;
        h = h * 31 + dstHi;
        h = h * 31 + macProtocol;
        h = h * 31 + ports;
        return Long.hashCode(h * 0x9E3779B97F4A7C15L);
    }

    /** MAC, protocol, then source and destination address and port: a stable output order. */
    @Override
    public int compareTo(FlowKey o) {
        int c = Long.compareUnsigned(macProtocol, o.macProtocol);
        c = c != 0 ? c : Long.compareUnsigned(srcHi, o.srcHi);
        c = c != 0 ? c : Long.compareUnsigned(srcLo, o.srcLo);
        c = c != 0 ? c : Long.compareUnsigned(dstHi, o.dstHi);
        c = c != 0 ? c : Long.compareUnsigned(dstLo, o.dstLo);
        return c != 0 ? c : Integer.compareUnsigned(ports, o.ports);
    }
}
