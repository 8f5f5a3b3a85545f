package io.nsgflow.report;

import java.io.Serializable;

/** A source and destination address as one aggregation key, 48 bytes. */
record IpPair(long srcHi, long srcLo, long dstHi, long dstLo) implements Comparable<IpPair>, Serializable {
    @Override
    public int compareTo(IpPair o) {
        int c = Long.compareUnsigned(srcHi, o.srcHi);
        c = c != 0 ? c : Long.compareUnsigned(srcLo, o.srcLo);
        c = c != 0 ? c : Long.compareUnsigned(dstHi, o.dstHi);
        return c != 0 ? c : Long.compareUnsigned(dstLo, o.dstLo);
    }
}
