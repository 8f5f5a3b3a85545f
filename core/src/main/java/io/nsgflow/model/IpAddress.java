package io.nsgflow.model;

/**
 * IP addresses as two longs (the 128 bits of an IPv6 address, high half first), with IPv4 held as
 * an IPv4-mapped address ({@code ::ffff:a.b.c.d}). One representation serves both families in
 * filters and aggregation keys without a String or an object per address.
 *
 * <p>An address the log writes as IPv6 in that mapped form ({@code ::ffff:10.0.0.1}) is kept as the
 * log says it, apart from the IPv4 address {@code 10.0.0.1}: it is held with the high half
 * {@link #MAPPED_HI} ({@code ffff::ffff:a.b.c.d}, a multicast address with a reserved flag and the
 * reserved scope F (RFC 4291 2.7), which no flow can have as its source or destination), spelt
 * back as {@code ::ffff:a.b.c.d}, matched by IPv6 blocks, and looked up in enrichment data as
 * the IPv4 address it designates ({@link #designatedHi}).
 */
public final class IpAddress {
    /** The high half of every IPv4 address held mapped. */
    public static final long V4_HI = 0L;
    /** The high half of an address the log writes in IPv4-mapped IPv6 form (see the class comment). */
    public static final long MAPPED_HI = 0xFFFFL << 48;
    private static final long V4_PREFIX = 0xFFFFL << 32;

    private IpAddress() {
    }

    /** The low half that holds the IPv4 address {@code v4}. */
    public static long v4Lo(int v4) {
        return V4_PREFIX | (v4 & 0xFFFFFFFFL);
    }

    public static boolean isV4(long hi, long lo) {
        return hi == 0 && (lo >>> 32) == 0xFFFFL;
    }

    /** Whether the log wrote the address as IPv6 in IPv4-mapped form ({@code ::ffff:10.0.0.1}). */
    public static boolean isMapped(long hi, long lo) {
        return hi == MAPPED_HI && (lo >>> 32) == 0xFFFFL;
    }

    /**
     * The high half of the address as enrichment data looks it up: an IPv4-mapped IPv6 address is
     * the IPv4 node it designates (RFC 4291 2.5.5.2), as MaxMind's databases also answer it.
     */
    public static long designatedHi(long hi, long lo) {
        return isMapped(hi, lo) ? V4_HI : hi;
    }

    /** The high half of the 128 bits the address is spelt with: an IPv6 block matches these. */
    public static long spelledHi(long hi, long lo) {
        return isMapped(hi, lo) ? 0 : hi;
    }

    /**
     * Parses {@code buf[off, off+len)} as IPv4 or IPv6 and stores the result in {@code out[0]}
     * (high) and {@code out[1]} (low).
     *
     * @return false when the text is not an address
     */
    public static boolean parse(char[] buf, int off, int len, long[] out) {
        if (len <= 0 || len > 45) {
            return false;
        }
        for (int i = off; i < off + len; i++) {
            if (buf[i] == ':') {
                return parseV6(buf, off, len, out);
            }
        }
        long v4 = parseV4(buf, off, len);
        if (v4 < 0) {
            return false;
        }
        out[0] = V4_HI;
        out[1] = v4Lo((int) v4);
        return true;
    }

    /** Parses a whole String; convenient outside hot paths. */
    public static boolean parse(String text, long[] out) {
        return parse(text.toCharArray(), 0, text.length(), out);
    }

    /** Dotted quad to its 32-bit value, or -1 when it is not one. */
    static long parseV4(char[] buf, int off, int len) {
        long value = 0;
        int octets = 0;
        int octet = -1;
        int digits = 0;
        for (int i = off; i <= off + len; i++) {
            char c = i < off + len ? buf[i] : '.';
            if (c >= '0' && c <= '9') {
                if (digits > 0 && octet == 0) {
                    return -1; // leading zero: ambiguous (octal in some tools), reject
                }
                octet = (octet < 0 ? 0 : octet * 10) + (c - '0');
                if (++digits > 3 || octet > 255) {
                    return -1;
                }
            } else if (c == '.') {
                if (octet < 0 || ++octets > 4) {
                    return -1;
                }
                value = (value << 8) | octet;
                octet = -1;
                digits = 0;
            } else {
                return -1;
            }
        }
        return octets == 4 ? value : -1;
    }

    private static boolean parseV6(char[] buf, int off, int len, long[] out) {
        int[] groups = new int[8];
        int count = 0;
        int gap = -1;
        int i = off;
        int end = off + len;
        if (len >= 2 && buf[off] == ':' && buf[off + 1] == ':') {
            gap = 0;
            i += 2;
            if (i == end) {
                out[0] = 0;
                out[1] = 0;
                return true;
            }
        } else if (buf[off] == ':') {
            return false;
        }
        while (i < end) {
            int start = i;
            int value = 0;
            while (i < end && i - start < 5 && hexValue(buf[i]) >= 0) {
                value = (value << 4) | hexValue(buf[i]);
                i++;
            }
            if (i < end && buf[i] == '.') {
                // embedded IPv4 in the last 32 bits, e.g. ::ffff:10.0.0.1
                long v4 = parseV4(buf, start, end - start);
                if (v4 < 0 || count > 6) {
                    return false;
                }
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xFFFF);
                i = end;
                break;
            }
            int digits = i - start;
            if (digits == 0 || digits > 4 || count == 8) {
                return false;
            }
            groups[count++] = value;
            if (i == end) {
                break;
            }
            if (buf[i] != ':') {
                return false;
            }
            i++;
            if (i < end && buf[i] == ':') {
                if (gap >= 0) {
                    return false;
                }
                gap = count;
                i++;
                if (i == end) {
                    break;
                }
            } else if (i == end) {
                return false;
            }
        }
        if (gap < 0 ? count != 8 : count > 7) {
            return false;
        }
        int[] full = new int[8];
        if (gap < 0) {
            full = groups;
        } else {
            int tail = count - gap;
            System.arraycopy(groups, 0, full, 0, gap);
            System.arraycopy(groups, gap, full, 8 - tail, tail);
        }
        long hi = 0;
        long lo = 0;
        for (int g = 0; g < 4; g++) {
            hi = (hi << 16) | full[g];
            lo = (lo << 16) | full[g + 4];
        }
        out[0] = isV4(hi, lo) ? MAPPED_HI : hi; // written as IPv6: kept apart from the IPv4 address
        out[1] = lo;
        return true;
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Appends the address in its usual text form: dotted quad for IPv4, RFC 5952 for IPv6 (mapped ones too). */
    public static void append(StringBuilder sb, long hi, long lo) {
        boolean mapped = isMapped(hi, lo);
        if (mapped || isV4(hi, lo)) {
            int v4 = (int) lo;
            sb.append(mapped ? "::ffff:" : ""); // RFC 5952 5: mapped addresses end in their dotted quad
            sb.append((v4 >>> 24) & 0xFF).append('.').append((v4 >>> 16) & 0xFF).append('.')
                    .append((v4 >>> 8) & 0xFF).append('.').append(v4 & 0xFF);
            return;
        }
        int[] g = new int[8];
        for (int i = 0; i < 4; i++) {
            g[i] = (int) (hi >>> (48 - 16 * i)) & 0xFFFF;
            g[i + 4] = (int) (lo >>> (48 - 16 * i)) & 0xFFFF;
        }
        // RFC 5952: compress the longest run (of two or more) of zero groups, the first one on a tie
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (i > 0 && i != bestStart + bestLen) {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
    }

    public static String toString(long hi, long lo) {
        StringBuilder sb = new StringBuilder(39);
        append(sb, hi, lo);
        return sb.toString();
    }
}
