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
    PROTOCOL(Dimension.PROTOCOL),
    SRC_CLASS(AddressField.CLASS, true),
    DST_CLASS(AddressField.CLASS, false),
    SRC_TAG(AddressField.TAG, true),
    DST_TAG(AddressField.TAG, false),
    SRC_REGION(AddressField.REGION, true),
    DST_REGION(AddressField.REGION, false),
    SRC_COUNTRY(AddressField.COUNTRY, true),
    DST_COUNTRY(AddressField.COUNTRY, false),
    SRC_ASN(AddressField.ASN, true),
    DST_ASN(AddressField.ASN, false),
    SRC_LIST(AddressField.LISTS, true),
    DST_LIST(AddressField.LISTS, false);

    private final Dimension<?> dimension;
    private final AddressField address;

    GroupBy(Dimension<?> dimension) {
        this.dimension = dimension;
        this.address = null;
    }

    /**
     * A key that enrichment gives an address: rows are counted by the address, as {@code src} and
     * {@code dst} count them, and each distinct address is looked up once when the table is written.
     */
    GroupBy(AddressField address, boolean src) {
        this.dimension = src ? Dimension.SRC : Dimension.DST;
        this.address = address;
    }

    Dimension<?> dimension() {
        return dimension;
    }

    /** The enrichment field the addresses are grouped by, or null for a key of the tuple itself. */
    public AddressField address() {
        return address;
    }

    /** {@code src} or {@code dst}: the side an enrichment key looks at. */
    String side() {
        return dimension == Dimension.SRC ? "src" : "dst";
    }

    /** The name users type: {@code src}, {@code dstport}, {@code src-country}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException naming the keys there are */
    public static GroupBy parse(String name) {
        StringBuilder known = new StringBuilder();
        for (GroupBy g : values()) {
            if (g.label().equalsIgnoreCase(name.trim())) {
                return g;
            }
            known.append(known.length() == 0 ? "" : ", ").append(g.label());
        }
        throw new IllegalArgumentException("unknown key '" + name + "' (" + known + ")");
    }
}
