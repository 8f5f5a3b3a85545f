package io.nsgflow.report;

import io.nsgflow.enrich.AddressInfo;
import io.nsgflow.enrich.Enricher;
import io.nsgflow.result.Column;
import io.nsgflow.result.ColumnType;
import io.nsgflow.result.TableSink;
import java.util.List;
import java.util.function.Function;

/**
 * What enrichment says about an address, as columns: one place that names each field, types it,
 * writes it, and knows which file it needs. {@code flows} writes them for both sides
 * ({@code srcCountry}, {@code dstCountry}), {@code scans} for the source, {@code top} ranks by them.
 */
public enum AddressField {
    /** The built-in class: private, public, azure-platform... */
    CLASS("Class", ColumnType.TEXT, null, i -> i.addressClass().label()),
    /** The most specific Azure service tag. */
    TAG("Tag", ColumnType.TEXT, "--service-tags FILE", i -> i.tag() == null ? null : i.tag().name()),
    /** That tag's region; null for a global tag. */
    REGION("Region", ColumnType.TEXT, "--service-tags FILE", i -> i.tag() == null ? null : i.tag().region()),
    /** ISO 3166 country code. */
    COUNTRY("Country", ColumnType.TEXT, "--geoip FILE.mmdb (a country or city database)", AddressInfo::country),
    /** Autonomous system number. */
    ASN("Asn", ColumnType.INTEGER, "--geoip FILE.mmdb (an ASN database)", AddressInfo::asn),
    /** The organisation that holds the AS. */
    ORG("Org", ColumnType.TEXT, "--geoip FILE.mmdb (an ASN database)", AddressInfo::org),
    /** The names of the user's lists that hold the address. */
    LISTS("Lists", ColumnType.LIST, "--ip-list NAME=FILE", AddressInfo::lists);

    private final String suffix;
    private final ColumnType type;
    private final String needs;
    private final Function<AddressInfo, Object> value;

    AddressField(String suffix, ColumnType type, String needs, Function<AddressInfo, Object> value) {
        this.suffix = suffix;
        this.type = type;
        this.needs = needs;
        this.value = value;
    }

    /** The column for one side: {@code srcCountry}, {@code dstLists}... */
    public Column column(String side) {
        String name = side + suffix;
        return switch (type) {
            case INTEGER -> Column.integer(name);
            case LIST -> Column.values(name, ColumnType.TEXT);
            default -> Column.text(name);
        };
    }

    /** Whether the files loaded can fill it; the class needs none (null: no enrichment asked for). */
    public boolean available(Enricher enricher) {
        return this == CLASS || enricher != null && switch (this) {
            case CLASS -> true;
            case TAG, REGION -> enricher.hasServiceTags();
            case COUNTRY, ASN, ORG -> enricher.hasGeo();
            case LISTS -> !enricher.listNames().isEmpty();
        };
    }

    /** The option that makes it available, for the error when it is asked for without. */
    public String needs() {
        return needs == null ? "--enrich" : needs;
    }

    /** The value for an address: a String, a Long, or a list of Strings; null when unknown. */
    public Object value(AddressInfo info) {
        return value.apply(info);
    }

    /** Writes the cell for an address. */
    public void write(AddressInfo info, TableSink w) {
        Object v = value(info);
        if (v == null) {
            w.nul();
        } else if (v instanceof Long n) {
            w.integer(n);
        } else if (v instanceof List<?> names) {
            w.beginList();
            for (Object name : names) {
                w.text((String) name);
            }
            w.endList();
        } else {
            w.text((String) v);
        }
    }

    /** The fields the loaded files can fill, in order. */
    public static List<AddressField> available(Enricher enricher, List<AddressField> among) {
        return among.stream().filter(f -> f.available(enricher)).toList();
    }
}
