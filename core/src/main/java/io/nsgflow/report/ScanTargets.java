package io.nsgflow.report;

import io.nsgflow.model.Action;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.Protocol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each source did to each target (a destination host and port): when it first and last
 * touched it, how many tuples were denied and allowed, and whether the target answered. Partial
 * instances fed disjoint parts of the input merge exactly (minima, maxima and sums), so the scan
 * report reads in parallel like the others.
 */
final class ScanTargets {
    /** Packets back from a TCP target that did more than refuse or half-open: SYN-ACK and RST, or a banner, are two. */
    static final int TCP_ANSWER_PACKETS = 3;

    /** A source's target: the destination address, and its port with the protocol ({@code port << 8 | protocol}). */
    record Key(long srcHi, long srcLo, long dstHi, long dstLo, int portProtocol) {
        int port() {
            return portProtocol >>> 8;
        }

        int protocol() {
            return portProtocol & 0xFF;
        }
    }

    /** One target's tuples, folded. */
    static final class Stats {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long firstDenied = Long.MAX_VALUE;
        long firstAllowed = Long.MAX_VALUE;
        long denied;
        long allowed;
        /** Packets back, summed over the allowed tuples that carry counters. */
        long packetsBack;
        /** Whether any allowed tuple carried counters: without them (version 1, a lone B) nobody knows if it answered. */
        boolean counted;

        void add(FlowRow r) {
            long t = r.timeMillis();
            first = Math.min(first, t);
            last = Math.max(last, t);
            if (r.action() == Action.DENY) {
                denied++;
                firstDenied = Math.min(firstDenied, t);
                return;
            }
            allowed++;
            firstAllowed = Math.min(firstAllowed, t);
            if (r.hasCounters()) {
                counted = true;
                packetsBack = CounterSum.add(packetsBack, Math.max(r.packetsDstToSrc(), 0));
            }
        }

        void add(Stats o) {
            first = Math.min(first, o.first);
            last = Math.max(last, o.last);
            firstDenied = Math.min(firstDenied, o.firstDenied);
            firstAllowed = Math.min(firstAllowed, o.firstAllowed);
            denied += o.denied;
            allowed += o.allowed;
            packetsBack = CounterSum.add(packetsBack, o.packetsBack);
            counted |= o.counted;
        }

        /**
         * A probe: the target never answered. Every tuple denied; or allowed, and the counters show
         * nothing came back but a refusal (TCP: fewer than {@link #TCP_ANSWER_PACKETS} packets;
         * other protocols: none). Allowed tuples without counters are not probes: nothing says the
         * target stayed silent, and counting them would flag every busy client of a version-1 log.
         */
        boolean probe(int protocol) {
            if (allowed == 0) {
                return true;
            }
            return counted && packetsBack < (protocol == Protocol.TCP ? TCP_ANSWER_PACKETS : 1);
        }
    }

    private final Map<Key, Stats> targets = new HashMap<>();

    int size() {
        return targets.size();
    }

    void add(FlowRow r) {
        Key k = new Key(r.srcHi(), r.srcLo(), r.dstHi(), r.dstLo(), r.dstPort() << 8 | r.protocol() & 0xFF);
        targets.computeIfAbsent(k, x -> new Stats()).add(r);
    }

    /** Adds {@code other}'s targets: minima, maxima and sums, so the order of merging does not matter. */
    void merge(ScanTargets other) {
        MergeMaps.into(targets, other.targets, Stats::add);
    }

    /** The targets grouped by source. */
    Map<IpKey, List<Map.Entry<Key, Stats>>> bySource() {
        Map<IpKey, List<Map.Entry<Key, Stats>>> out = new HashMap<>();
        for (Map.Entry<Key, Stats> e : targets.entrySet()) {
            out.computeIfAbsent(new IpKey(e.getKey().srcHi(), e.getKey().srcLo()), s -> new ArrayList<>()).add(e);
        }
        return out;
    }
}
