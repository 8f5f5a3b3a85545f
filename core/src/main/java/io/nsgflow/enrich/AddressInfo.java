package io.nsgflow.enrich;

import java.util.List;

/**
 * What nsgflow knows about one address. Fields whose source was not loaded are null (or empty).
 *
 * @param addressClass the built-in class, always known
 * @param tags         the service tags that contain the address, most specific first
 * @param country      ISO 3166 code from a MaxMind DB
 * @param asn          autonomous system number from a MaxMind DB
 * @param org          the organisation that holds the AS
 * @param lists        the names of the user's lists that hold the address, sorted
 */
public record AddressInfo(AddressClass addressClass, List<ServiceTag> tags, String country, Long asn, String org,
        List<String> lists) {
    /** The most specific service tag, or null. */
    public ServiceTag tag() {
        return tags.isEmpty() ? null : tags.get(0);
    }
}
