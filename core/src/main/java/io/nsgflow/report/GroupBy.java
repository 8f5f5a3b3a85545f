package io.nsgflow.report;

import java.util.Locale;

/** The keys {@code top --by} ranks. */
public enum GroupBy {
    SRC(Dimension.SRC),
    DST(Dimension.DST),
    PAIR(Dimension.PAIR),
    DSTPORT(Dimension.DST_PORT),
    SRCPORT(Dimension.SRC_PORT),
    RULE(Dimension.RULE),
    NSG(Dimension.NSG),
    MAC(Dimension.MAC),
    PROTOCOL(Dimension.PROTOCOL);

    private final Dimension<?> dimension;

    GroupBy(Dimension<?> dimension) {
        this.dimension = dimension;
    }

    Dimension<?> dimension() {
        return dimension;
    }

    /** @throws IllegalArgumentException naming the keys there are */
    public static GroupBy parse(String name) {
        for (GroupBy g : values()) {
            if (g.name().equalsIgnoreCase(name.trim())) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown key '" + name + "' (src, dst, pair, dstport, srcport, rule, nsg, mac, protocol)");
    }
}
