package io.nsgflow.report;

import io.nsgflow.model.IpAddress;
import java.io.Serializable;

/** An address as an aggregation key: two longs ({@link IpAddress}'s form), 32 bytes; text only when written. */
record IpKey(long hi, long lo) implements Comparable<IpKey>, Serializable {
    @Override
    public int compareTo(IpKey o) {
        int c = Long.compareUnsigned(hi, o.hi);
        return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
    }
}
