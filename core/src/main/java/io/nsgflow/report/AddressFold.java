package io.nsgflow.report;

import io.nsgflow.enrich.AddressInfo;
import io.nsgflow.enrich.Enricher;
import io.nsgflow.result.Column;
import io.nsgflow.result.TableSink;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tallies by address regrouped by what enrichment says of each address ({@code top --by
 * src-country}): every distinct address is looked up once, when the table is written, not once per
 * row. An address in several lists counts in each; one that enrichment knows nothing of counts
 * under a null key, so that the rows still add up to the whole.
 */
final class AddressFold {
    private final AddressField field;
    private final String side;
    private final Enricher enricher;
    /** The organisation of each AS seen, for the column beside {@code srcAsn}. */
    private final Map<Long, String> orgs = new HashMap<>();

    AddressFold(AddressField field, String side, Enricher enricher) {
        this.field = field;
        this.side = side;
        this.enricher = enricher;
    }

    /** The key's columns: one, or the AS number with its organisation; a list key is one list name a row. */
    static List<Column> columns(AddressField field, String side) {
        if (field == AddressField.LISTS) {
            return List.of(Column.text(side + "List"));
        }
        if (field == AddressField.ASN) {
            return List.of(field.column(side), AddressField.ORG.column(side));
        }
        return List.of(field.column(side));
    }

    /** The regrouped tallies, by {@code metric} descending, ties by key ascending, the unknown key last. */
    List<Map.Entry<Object, Tally>> fold(List<Map.Entry<IpKey, Tally>> byAddress, Metric metric) {
        Map<Object, Tally> folded = new HashMap<>();
        for (Map.Entry<IpKey, Tally> e : byAddress) {
            AddressInfo info = enricher.lookup(e.getKey().hi(), e.getKey().lo());
            Object value = field.value(info);
            if (field == AddressField.ASN && value != null) {
                orgs.putIfAbsent((Long) value, info.org());
            }
            List<?> keys = value instanceof List<?> names ? (names.isEmpty() ? nullKey() : names) : singleton(value);
            for (Object key : keys) {
                folded.computeIfAbsent(key, k -> new Tally()).add(e.getValue());
            }
        }
        List<Map.Entry<Object, Tally>> ranked = new ArrayList<>(folded.entrySet());
        @SuppressWarnings("unchecked") // keys of one field are all Strings or all Longs
        Comparator<Object> byKey = Comparator.nullsLast((a, b) -> ((Comparable<Object>) a).compareTo(b));
        ranked.sort(Comparator.comparingLong((Map.Entry<Object, Tally> e) -> -metric.of(e.getValue()))
                .thenComparing(Map.Entry::getKey, byKey));
        return ranked;
    }

    /** Writes a key's cells. */
    void writeKey(Object key, TableSink w) {
        if (key == null) {
            w.nul();
        } else if (key instanceof Long asn) {
            w.integer(asn);
        } else {
            w.text((String) key);
        }
        if (field == AddressField.ASN) {
            String org = key == null ? null : orgs.get(key);
            if (org == null) {
                w.nul();
            } else {
                w.text(org);
            }
        }
    }

    private static List<Object> nullKey() {
        List<Object> none = new ArrayList<>(1);
        none.add(null);
        return none;
    }

    private static List<Object> singleton(Object value) {
        return value == null ? nullKey() : List.of(value);
    }
}
