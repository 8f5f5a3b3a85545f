package io.nsgflow.enrich;

import io.nsgflow.filter.Cidr;
import io.nsgflow.model.IpAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What kind of address this is, known without any file: the special-purpose blocks of the IANA
 * registries (RFC 6890 and its successors) and the two addresses through which Azure's platform
 * talks to every VM. Everything else is public. The most specific block decides:
 * {@code 169.254.169.254} is the Azure platform, not just link-local.
 */
public enum AddressClass {
    /** RFC 1918 IPv4 and IPv6 unique local addresses (fc00::/7). */
    PRIVATE("private", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"),
    /** Carrier-grade NAT shared space (RFC 6598). */
    CGNAT("cgnat", "100.64.0.0/10"),
    LOOPBACK("loopback", "127.0.0.0/8", "::1/128"),
    LINK_LOCAL("link-local", "169.254.0.0/16", "fe80::/10"),
    MULTICAST("multicast", "224.0.0.0/4", "ff00::/8"),
    /** TEST-NET-1/2/3 (RFC 5737), 2001:db8::/32 (RFC 3849) and 3fff::/20 (RFC 9637): never on a real network. */
    DOCUMENTATION("documentation", "192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32", "3fff::/20"),
    /**
     * Azure's virtual public IP (DNS, DHCP, health probes; the AzureLoadBalancer tag) and the
     * instance metadata service: platform traffic, neither internal nor internet.
     */
    AZURE_PLATFORM("azure-platform", "168.63.129.16/32", "169.254.169.254/32"),
    /**
     * "This network", IETF protocol assignments, benchmarking, the former class E and the limited
     * broadcast, the unspecified IPv6 address: not routed on the internet either.
     */
    RESERVED("reserved", "0.0.0.0/8", "192.0.0.0/24", "198.18.0.0/15", "240.0.0.0/4", "::/128"),
    /** Any address in no block above. */
    PUBLIC("public");

    private static final PrefixTable<AddressClass> TABLE = table();
    /**
     * The class of each IPv4 first octet that lies wholly in one class (10: private; 8: public),
     * null for the few that hold a smaller special block (100, 169, 172, 192...): most addresses
     * of a flow log are answered here, without the table, which matters for a per-row split.
     */
    private static final AddressClass[] BY_FIRST_OCTET = byFirstOctet();

    private final String label;
    private final List<String> blocks;

    AddressClass(String label, String... blocks) {
        this.label = label;
        this.blocks = List.of(blocks);
    }

    /** The name users type and see: {@code private}, {@code azure-platform}... */
    public String label() {
        return label;
    }

    /** The class of an address in {@link IpAddress}'s form (a mapped one's is its IPv4 address's); a lookup, no allocation. */
    public static AddressClass of(long address, long lo) {
        long hi = IpAddress.designatedHi(address, lo);
        if (IpAddress.isV4(hi, lo)) {
            AddressClass whole = BY_FIRST_OCTET[(int) (lo >>> 24) & 0xFF];
            if (whole != null) {
                return whole;
            }
        }
        AddressClass c = TABLE.get(hi, lo);
        return c == null ? PUBLIC : c;
    }

    /** @throws IllegalArgumentException naming the classes there are */
    public static AddressClass parse(String label) {
        for (AddressClass c : values()) {
            if (c.label.equalsIgnoreCase(label.trim())) {
                return c;
            }
        }
        StringBuilder known = new StringBuilder();
        for (AddressClass c : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(c.label);
        }
        throw new IllegalArgumentException("unknown address class '" + label + "' (" + known + ")");
    }

    private static AddressClass[] byFirstOctet() {
        AddressClass[] octets = new AddressClass[256];
        boolean[] mixed = new boolean[256];
        Arrays.fill(octets, PUBLIC);
        for (AddressClass c : values()) {
            for (String block : c.blocks) {
                Cidr b = Cidr.parse(block);
                if (!b.isV4()) {
                    continue;
                }
                int bits = b.bits() - 96;
                int first = (int) (b.lo() >>> 24) & 0xFF;
                int count = bits >= 8 ? 1 : 1 << (8 - bits);
                for (int o = first; o < first + count; o++) {
                    if (bits > 8) {
                        mixed[o] = true; // a smaller block inside: the table decides
                    } else {
                        octets[o] = c;
                    }
                }
            }
        }
        for (int o = 0; o < 256; o++) {
            if (mixed[o]) {
                octets[o] = null;
            }
        }
        return octets;
    }

    private static PrefixTable<AddressClass> table() {
        PrefixTable.Builder<AddressClass> b = new PrefixTable.Builder<>();
        for (AddressClass c : values()) {
            c.blocks.forEach(block -> b.add(Cidr.parse(block), c));
        }
        return b.build(chain -> chain.get(0));
    }

    /** True for an address on the internet. */
    public boolean isPublic() {
        return this == PUBLIC;
    }
}
