package io.nsgflow.filter;

import io.nsgflow.model.IpAddress;

/**
 * An address block such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}; a bare address is a block
 * of one. A block matches the addresses written in its own family, as the log writes them: IPv4
 * blocks IPv4 addresses, IPv6 blocks IPv6 ones, IPv4-mapped ones ({@code ::ffff:10.0.0.1}) among
 * them: {@code ::/0} and {@code ::ffff:0:0/96} match those, {@code 10.0.0.0/8} does not (IPv4 is
 * held mapped into IPv6, so an IPv4 prefix is 96 bits longer). To enrichment tables, a block
 * written in IPv6 inside {@code ::ffff:0:0/96} is the IPv4 block it designates ({@link #isV4()}).
 */
public final class Cidr {
    private final long hi;
    private final long lo;
    private final long maskHi;
    private final long maskLo;
    private final int bits;
    private final boolean v4;
    /** Written as IPv4 (no colon): it matches IPv4 addresses, and no address the log writes in IPv6. */
    private final boolean writtenV4;
    private final String text;

    private Cidr(long hi, long lo, int bits, boolean writtenV4, String text) {
        this.maskHi = bits >= 64 ? -1L : bits == 0 ? 0 : -1L << (64 - bits);
        this.maskLo = bits <= 64 ? 0 : bits == 128 ? -1L : -1L << (128 - bits);
        this.hi = hi & maskHi;
        this.lo = lo & maskLo;
        this.bits = bits;
        this.v4 = bits >= 96 && IpAddress.isV4(this.hi, this.lo);
        this.writtenV4 = writtenV4;
        this.text = text;
    }

    /** @throws IllegalArgumentException with a message fit for the user */
    public static Cidr parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        long[] ip = new long[2];
        if (!IpAddress.parse(address, ip)) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block");
        }
        boolean v4 = address.indexOf(':') < 0;
        int max = v4 ? 32 : 128;
        int bits = max;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > max) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0-" + max);
            }
        }
        return new Cidr(IpAddress.spelledHi(ip[0], ip[1]), ip[1], v4 ? bits + 96 : bits, v4, t);
    }

    /** Whether the address, in {@link IpAddress}'s form, is in the block and written in its family. */
    public boolean contains(long addressHi, long addressLo) {
        return (IpAddress.spelledHi(addressHi, addressLo) & maskHi) == hi && (addressLo & maskLo) == lo
                && IpAddress.isV4(addressHi, addressLo) == writtenV4;
    }

    /** The block's first address, high half ({@link IpAddress}'s form). */
    public long hi() {
        return hi;
    }

    /** The block's first address, low half. */
    public long lo() {
        return lo;
    }

    /** The prefix length in the 128-bit form: an IPv4 block's length plus 96. */
    public int bits() {
        return bits;
    }

    /**
     * Whether the block holds IPv4 addresses as enrichment data looks them up: an IPv4 block, or
     * one written in IPv6 inside {@code ::ffff:0:0/96} (the IPv4 block it designates).
     */
    public boolean isV4() {
        return v4;
    }

    @Override
    public String toString() {
        return text;
    }
}
