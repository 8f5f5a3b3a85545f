package io.nsgflow.report;

import java.util.List;

/**
 * What one source did, when it scanned or got through after being denied.
 *
 * @param kind               the scan's shape, or null when the source is listed only for {@code allowedAfterDenied}
 * @param ports              distinct destination ports it touched (with protocol)
 * @param hosts              distinct destination hosts it touched
 * @param probes             targets (host and port) that never answered
 * @param peakPorts          most unanswered ports on one host within the window
 * @param peakHosts          most unanswered hosts on one port within the window
 * @param sample             a few probed ports, lowest first, as {@code port << 8 | protocol}
 * @param allowedAfterDenied ports allowed after its first denial, on ports never denied to it
 */
record ScanFinding(IpKey src, ScanKind kind, int ports, int hosts, int probes, int peakPorts, int peakHosts,
        long denied, long allowed, long first, long last, List<Integer> sample, List<Integer> allowedAfterDenied) {
}
