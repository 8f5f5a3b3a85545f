package io.nsgflow.result;

import io.nsgflow.model.IpAddress;

/**
 * An {@link ColumnType#ADDRESS} value kept in memory: the two-long form, ordered numerically
 * (IPv4 before IPv6), spelt canonically by {@link #toString()}.
 */
public record Address(long hi, long lo) implements Comparable<Address> {
    /** @throws IllegalArgumentException when {@code text} is not an address */
    public static Address parse(String text) {
        long[] v = new long[2];
        if (!IpAddress.parse(text, v)) {
            throw new IllegalArgumentException("not an address: " + text);
        }
        return new Address(v[0], v[1]);
    }

    @Override
    public int compareTo(Address o) {
        int c = Long.compareUnsigned(hi, o.hi);
        return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
    }

    @Override
    public String toString() {
        return IpAddress.toString(hi, lo);
    }
}
