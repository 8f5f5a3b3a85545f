package io.nsgflow.filter;

import io.nsgflow.enrich.AddressClass;
import io.nsgflow.enrich.AddressInfo;
import io.nsgflow.enrich.Enricher;
import io.nsgflow.enrich.ServiceTag;
import io.nsgflow.model.FlowRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Row filters on what is known about the addresses rather than on the addresses themselves:
 * public or not, country, service tag, the user's lists. Like {@link FlowFilter}, different
 * criteria AND and the values of one OR; each method ignores an empty list (the option was not
 * given). Lookups go through the {@link Enricher}'s cache, so a busy address costs one lookup.
 */
public final class AddressCriteria {
    private final Enricher enricher;
    private final List<Predicate<FlowRow>> criteria = new ArrayList<>();

    /** @param enricher null when no enrichment file was given: only the built-in classes are known */
    public AddressCriteria(Enricher enricher) {
        this.enricher = enricher;
    }

    /** Rows with a public address on either side: traffic to or from the internet. */
    public AddressCriteria anyPublic() {
        criteria.add(r -> AddressClass.of(r.srcHi(), r.srcLo()).isPublic() || AddressClass.of(r.dstHi(), r.dstLo()).isPublic());
        return this;
    }

    /** Rows with no public address on either side: internal and Azure platform traffic. */
    public AddressCriteria nonePublic() {
        criteria.add(r -> !AddressClass.of(r.srcHi(), r.srcLo()).isPublic() && !AddressClass.of(r.dstHi(), r.dstLo()).isPublic());
        return this;
    }

    /** Sources in one of the countries (ISO codes, upper case). */
    public AddressCriteria srcCountry(List<String> countries) {
        Set<String> set = Set.copyOf(countries);
        return add(countries, r -> in(set, src(r).country()));
    }

    public AddressCriteria dstCountry(List<String> countries) {
        Set<String> set = Set.copyOf(countries);
        return add(countries, r -> in(set, dst(r).country()));
    }

    /** Either side in a service tag whose name matches: any of its tags, so {@code AzureCloud} holds every Azure address. */
    public AddressCriteria tag(List<Glob> globs) {
        return add(globs, r -> anyTag(src(r), globs) || anyTag(dst(r), globs));
    }

    /** Either side in one of the user's lists, by name. */
    public AddressCriteria inList(List<String> names) {
        return add(names, r -> anyList(src(r), names) || anyList(dst(r), names));
    }

    /** The criteria ANDed, or null when there are none. */
    public Predicate<FlowRow> build() {
        if (criteria.isEmpty()) {
            return null;
        }
        List<Predicate<FlowRow>> all = List.copyOf(criteria);
        return r -> {
            for (Predicate<FlowRow> c : all) {
                if (!c.test(r)) {
                    return false;
                }
            }
            return true;
        };
    }

    private AddressCriteria add(List<?> values, Predicate<FlowRow> criterion) {
        if (!values.isEmpty()) {
            criteria.add(criterion);
        }
        return this;
    }

    private AddressInfo src(FlowRow r) {
        return enricher.lookup(r.srcHi(), r.srcLo());
    }

    private AddressInfo dst(FlowRow r) {
        return enricher.lookup(r.dstHi(), r.dstLo());
    }

    /** Null-safe: an immutable set throws on {@code contains(null)}, and most addresses have no country. */
    private static boolean in(Set<String> set, String value) {
        return value != null && set.contains(value);
    }

    private static boolean anyTag(AddressInfo info, List<Glob> globs) {
        for (ServiceTag t : info.tags()) {
            for (Glob g : globs) {
                if (g.matches(t.name())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean anyList(AddressInfo info, List<String> names) {
        for (String list : info.lists()) {
            if (names.contains(list)) {
                return true;
            }
        }
        return false;
    }
}
