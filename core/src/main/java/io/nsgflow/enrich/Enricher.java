package io.nsgflow.enrich;

import io.nsgflow.model.IpAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything known about addresses: the built-in classes, and the service tags, MaxMind DBs and
 * lists the user gave. Loaded whole before any flow log is read, so that a bad file is a usage
 * error and not a surprise halfway; shared by every thread afterwards.
 */
public final class Enricher {
    private final ServiceTags serviceTags;
    private final List<GeoDatabase> geo;
    private final IpLists lists;
    private final AddressCache cache = new AddressCache();

    private Enricher(ServiceTags serviceTags, List<GeoDatabase> geo, IpLists lists) {
        this.serviceTags = serviceTags;
        this.geo = geo;
        this.lists = lists;
    }

    /**
     * Loads the files.
     *
     * @param serviceTags a service-tag file, or null
     * @param geoip       MaxMind DB files; for each field, the first that knows the address answers
     * @param lists       the user's lists by name, in order
     * @throws EnrichmentException naming the first file that cannot be used, and where
     */
    public static Enricher load(Path serviceTags, List<Path> geoip, Map<String, Path> lists) throws EnrichmentException {
        ServiceTags tags = serviceTags == null ? null : ServiceTags.load(serviceTags);
        List<GeoDatabase> geo = new ArrayList<>();
        for (Path file : geoip) {
            geo.add(GeoDatabase.open(file));
        }
        return new Enricher(tags, List.copyOf(geo), lists.isEmpty() ? null : IpLists.load(lists));
    }

    /** The built-in address classes and nothing else: what a field or key of the class alone needs. */
    public static Enricher builtIn() {
        return new Enricher(null, List.of(), null);
    }

    public boolean hasServiceTags() {
        return serviceTags != null;
    }

    public boolean hasGeo() {
        return !geo.isEmpty();
    }

    /** The names of the user's lists, in the order given; empty when there are none. */
    public List<String> listNames() {
        return lists == null ? List.of() : lists.names();
    }

    /**
     * What is known about the address ({@link IpAddress}'s form); an IPv4-mapped IPv6 address
     * ({@code ::ffff:10.0.0.1}) is looked up as the IPv4 address it designates.
     */
    public AddressInfo lookup(long address, long lo) {
        long hi = IpAddress.designatedHi(address, lo);
        AddressInfo info = cache.get(hi, lo);
        if (info == null) {
            info = compute(hi, lo);
            cache.put(hi, lo, info);
        }
        return info;
    }

    private AddressInfo compute(long hi, long lo) {
        String country = null;
        Long asn = null;
        String org = null;
        for (GeoDatabase db : geo) {
            GeoDatabase.Entry e = db.lookup(hi, lo);
            if (e != null) {
                country = country != null ? country : e.country;
                if (asn == null && e.asn != null) {
                    asn = e.asn;
                    org = e.org;
                }
            }
        }
        return new AddressInfo(AddressClass.of(hi, lo),
                serviceTags == null ? List.of() : serviceTags.lookup(hi, lo),
                country, asn, org,
                lists == null ? List.of() : lists.lookup(hi, lo));
    }

    /** One line for each MaxMind DB some of whose lookups failed; empty when all went well. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (GeoDatabase db : geo) {
            String f = db.failures();
            if (f != null) {
                problems.add(f);
            }
        }
        return problems;
    }
}
