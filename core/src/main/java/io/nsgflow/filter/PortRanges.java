package io.nsgflow.filter;

import java.util.BitSet;

/** A set of ports written as a list of ports and ranges: {@code 22,3389,8000-8100}. */
public final class PortRanges {
    private final BitSet ports;

    private PortRanges(BitSet ports) {
        this.ports = ports;
    }

    /** @throws IllegalArgumentException with a message fit for the user */
    public static PortRanges parse(String text) {
        BitSet set = new BitSet(65_536);
        for (String part : text.split(",", -1)) {
            String p = part.trim();
            int dash = p.indexOf('-', 1);
            int from = port(dash < 0 ? p : p.substring(0, dash), text);
            int to = dash < 0 ? from : port(p.substring(dash + 1), text);
            if (to < from) {
                throw new IllegalArgumentException("port range '" + p + "' ends before it starts");
            }
            set.set(from, to + 1);
        }
        return new PortRanges(set);
    }

    private static int port(String s, String whole) {
        try {
            int n = Integer.parseInt(s.trim());
            if (n >= 0 && n <= 65_535) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("'" + whole + "' is not a list of ports and ranges 0-65535 (e.g. 22,3389,8000-8100)");
    }

    public boolean contains(int port) {
        return ports.get(port);
    }

    /** The union of several sets: a repeated option ORs its values. */
    public static PortRanges union(Iterable<PortRanges> sets) {
        BitSet all = new BitSet(65_536);
        for (PortRanges s : sets) {
            all.or(s.ports);
        }
        return new PortRanges(all);
    }
}
