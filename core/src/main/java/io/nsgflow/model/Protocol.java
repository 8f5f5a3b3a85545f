package io.nsgflow.model;

import java.util.Locale;

/**
 * Transport protocols, held as IANA protocol numbers: NSG logs write letters ({@code T}, {@code U}),
 * VNet logs write numbers, and one representation lets filters and reports treat both alike.
 */
public final class Protocol {
    public static final int ICMP = 1;
    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int ICMPV6 = 58;

    private Protocol() {
    }

    /** {@code TCP}, {@code UDP}, {@code ICMP}, {@code ICMPv6}, or the number for any other protocol. */
    public static String name(int number) {
        return switch (number) {
            case TCP -> "TCP";
            case UDP -> "UDP";
            case ICMP -> "ICMP";
            case ICMPV6 -> "ICMPv6";
            default -> Integer.toString(number);
        };
    }

    /**
     * Parses a user's protocol: a name ({@code tcp}, {@code udp}, {@code icmp}, {@code icmpv6}, any
     * case), an NSG letter ({@code T}, {@code U}) or a number 0-255.
     *
     * @throws IllegalArgumentException when it is none of those
     */
    public static int parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "tcp", "t":
                return TCP;
            case "udp", "u":
                return UDP;
            case "icmp":
                return ICMP;
            case "icmpv6", "ipv6-icmp":
                return ICMPV6;
            default:
                break;
        }
        try {
            int n = Integer.parseInt(t);
            if (n >= 0 && n <= 255) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the error below
        }
        throw new IllegalArgumentException("unknown protocol '" + text + "' (use tcp, udp, icmp, icmpv6 or a number 0-255)");
    }
}
