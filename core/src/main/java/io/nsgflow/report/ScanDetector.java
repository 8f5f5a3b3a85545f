package io.nsgflow.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Judges one source from its targets. A probe is a target that never answered (see
 * {@link ScanTargets.Stats#probe}); its time is when the source first touched it. Within any
 * stretch of the window's length: {@code ports} probes on one host make a vertical scan,
 * {@code hosts} probes of one port a horizontal one; both, or that many ports and hosts among the
 * probes without either alone, a mixed one. Separately, a source denied on at least
 * {@link #DENIED_PORTS} ports that was then allowed on another port is flagged: often the port it
 * was looking for.
 */
final class ScanDetector {
    /** "Denied on some ports": one denied port is a client's mistake, two begin a search. */
    static final int DENIED_PORTS = 2;
    /** Probed ports shown per source. */
    static final int SAMPLE = 10;

    private final ScanThresholds thresholds;

    ScanDetector(ScanThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** The finding for a source, or null when it neither scanned nor got through after denials. */
    ScanFinding judge(IpKey src, List<Map.Entry<ScanTargets.Key, ScanTargets.Stats>> targets) {
        Set<IpKey> hosts = new HashSet<>();
        Set<Integer> ports = new HashSet<>();
        Set<Integer> deniedPorts = new HashSet<>();
        List<Map.Entry<ScanTargets.Key, ScanTargets.Stats>> probes = new ArrayList<>();
        long denied = 0;
        long allowed = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long firstDenied = Long.MAX_VALUE;
        for (Map.Entry<ScanTargets.Key, ScanTargets.Stats> e : targets) {
            ScanTargets.Key k = e.getKey();
            ScanTargets.Stats s = e.getValue();
            hosts.add(new IpKey(k.dstHi(), k.dstLo()));
            ports.add(k.portProtocol());
            denied += s.denied;
            allowed += s.allowed;
            first = Math.min(first, s.first);
            last = Math.max(last, s.last);
            if (s.denied > 0) {
                deniedPorts.add(k.portProtocol());
                firstDenied = Math.min(firstDenied, s.firstDenied);
            }
            if (s.probe(k.protocol())) {
                probes.add(e);
            }
        }
        int peakPorts = peak(probes, true);
        int peakHosts = peak(probes, false);
        ScanKind kind = kind(peakPorts >= thresholds.ports(), peakHosts >= thresholds.hosts(), probes);
        List<Integer> after = allowedAfter(targets, deniedPorts, firstDenied);
        if (kind == null && after.isEmpty()) {
            return null;
        }
        TreeSet<Integer> sample = new TreeSet<>();
        for (Map.Entry<ScanTargets.Key, ScanTargets.Stats> p : probes.isEmpty() ? targets : probes) {
            sample.add(p.getKey().portProtocol());
        }
        return new ScanFinding(src, kind, ports.size(), hosts.size(), probes.size(), peakPorts, peakHosts,
                denied, allowed, first, last, sample.stream().limit(SAMPLE).toList(), after);
    }

    private ScanKind kind(boolean vertical, boolean horizontal, List<Map.Entry<ScanTargets.Key, ScanTargets.Stats>> probes) {
        if (vertical && horizontal || wide(probes)) {
            return ScanKind.MIXED;
        }
        return vertical ? ScanKind.VERTICAL : horizontal ? ScanKind.HORIZONTAL : null;
    }

    /**
     * The most probes within one window: of one host's ports ({@code byHost}) or of one port's
     * hosts. Each probe is a distinct target, so within a host they are distinct ports.
     */
    private int peak(List<Map.Entry<ScanTargets.Key, ScanTargets.Stats>> probes, boolean byHost) {
        Map<Object, List<Long>> groups = new HashMap<>();
        for (Map.Entry<ScanTargets.Key, ScanTargets.Stats> p : probes) {
            ScanTargets.Key k = p.getKey();
            Object group = byHost ? new IpKey(k.dstHi(), k.dstLo()) : (Object) k.portProtocol();
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(p.getValue().first);
        }
        int best = 0;
        for (List<Long> times : groups.values()) {
            long[] t = times.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(t);
            for (int i = 0, j = 0; j < t.length; j++) {
                while (t[j] - t[i] > thresholds.windowMillis()) {
                    i++;
                }
                best = Math.max(best, j - i + 1);
            }
        }
        return best;
    }

    /** Whether, within one window, the probes span as many ports and hosts as the two thresholds ask. */
    private boolean wide(List<Map.Entry<ScanTargets.Key, ScanTargets.Stats>> probes) {
        List<Map.Entry<ScanTargets.Key, ScanTargets.Stats>> byTime = new ArrayList<>(probes);
        byTime.sort((a, b) -> Long.compare(a.getValue().first, b.getValue().first));
        Map<IpKey, Integer> hostCount = new HashMap<>();
        Map<Integer, Integer> portCount = new HashMap<>();
        for (int i = 0, j = 0; j < byTime.size(); j++) {
            ScanTargets.Key in = byTime.get(j).getKey();
            hostCount.merge(new IpKey(in.dstHi(), in.dstLo()), 1, Integer::sum);
            portCount.merge(in.portProtocol(), 1, Integer::sum);
            while (byTime.get(j).getValue().first - byTime.get(i).getValue().first > thresholds.windowMillis()) {
                ScanTargets.Key out = byTime.get(i++).getKey();
                hostCount.computeIfPresent(new IpKey(out.dstHi(), out.dstLo()), (h, n) -> n == 1 ? null : n - 1);
                portCount.computeIfPresent(out.portProtocol(), (p, n) -> n == 1 ? null : n - 1);
            }
            if (hostCount.size() >= thresholds.hosts() && portCount.size() >= thresholds.ports()) {
                return true;
            }
        }
        return false;
    }

    /** Ports first allowed at or after the source's first denial, on ports never denied to it; sorted. */
    private static List<Integer> allowedAfter(List<Map.Entry<ScanTargets.Key, ScanTargets.Stats>> targets,
            Set<Integer> deniedPorts, long firstDenied) {
        if (deniedPorts.size() < DENIED_PORTS) {
            return List.of();
        }
        TreeSet<Integer> after = new TreeSet<>();
        for (Map.Entry<ScanTargets.Key, ScanTargets.Stats> e : targets) {
            ScanTargets.Stats s = e.getValue();
            int port = e.getKey().portProtocol();
            if (s.allowed > 0 && s.firstAllowed >= firstDenied && !deniedPorts.contains(port)) {
                after.add(port);
            }
        }
        return List.copyOf(after);
    }
}
