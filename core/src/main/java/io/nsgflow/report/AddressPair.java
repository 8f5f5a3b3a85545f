package io.nsgflow.report;

import io.nsgflow.enrich.AddressInfo;
import io.nsgflow.enrich.Enricher;
import io.nsgflow.model.FlowRow;

/**
 * What is known about the two addresses of the row being written: looked up once per row and
 * side (through the {@link Enricher}'s cache), whatever number of fields show it. Reused from row
 * to row; empty when there is nothing to look up.
 */
final class AddressPair {
    private final Enricher enricher;
    private final boolean src;
    private final boolean dst;
    private AddressInfo srcInfo;
    private AddressInfo dstInfo;

    /** @param src, dst whether any field shows that side; both false (or no enricher) looks nothing up */
    AddressPair(Enricher enricher, boolean src, boolean dst) {
        this.enricher = enricher;
        this.src = src && enricher != null;
        this.dst = dst && enricher != null;
    }

    void lookup(FlowRow row) {
        if (src) {
            srcInfo = enricher.lookup(row.srcHi(), row.srcLo());
        }
        if (dst) {
            dstInfo = enricher.lookup(row.dstHi(), row.dstLo());
        }
    }

    AddressInfo src() {
        return srcInfo;
    }

    AddressInfo dst() {
        return dstInfo;
    }
}
