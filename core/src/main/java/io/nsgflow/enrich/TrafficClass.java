package io.nsgflow.enrich;

/**
 * Where a flow runs, from the classes of its two addresses (not from the NIC's direction: a
 * tuple's source is the side that opened the connection): Traffic Analytics' first split.
 */
public enum TrafficClass {
    /** Neither side public: inside the VNet, peerings, on-premises over VPN. */
    INTERNAL("internal"),
    /** Opened from a public address to a non-public one. */
    INBOUND_INTERNET("inbound-internet"),
    /** Opened from a non-public address to a public one. */
    OUTBOUND_INTERNET("outbound-internet"),
    /** Either side Azure's platform ({@code 168.63.129.16}, {@code 169.254.169.254}): DNS, DHCP, health probes, metadata. */
    AZURE_PLATFORM("azure-platform"),
    /** Both sides public: a VM's public address logged as such, or traffic passing through an appliance. */
    PUBLIC_TO_PUBLIC("public-to-public");

    private final String label;

    TrafficClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The class of a flow between these addresses ({@link io.nsgflow.model.IpAddress}'s form). */
    public static TrafficClass of(long srcHi, long srcLo, long dstHi, long dstLo) {
        AddressClass src = AddressClass.of(srcHi, srcLo);
        AddressClass dst = AddressClass.of(dstHi, dstLo);
        if (src == AddressClass.AZURE_PLATFORM || dst == AddressClass.AZURE_PLATFORM) {
            return AZURE_PLATFORM;
        }
        if (src.isPublic()) {
            return dst.isPublic() ? PUBLIC_TO_PUBLIC : INBOUND_INTERNET;
        }
        return dst.isPublic() ? OUTBOUND_INTERNET : INTERNAL;
    }
}
