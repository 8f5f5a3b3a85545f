package io.nsgflow.report;

/**
 * When a source counts as a scanner: how many unanswered targets, within how long.
 *
 * @param ports        distinct ports probed on one host for a vertical scan
 * @param hosts        distinct hosts probed on one port for a horizontal scan
 * @param windowMillis the longest time the probes of one finding may span
 */
public record ScanThresholds(int ports, int hosts, long windowMillis) {
    /**
     * Zeek's scan policy: 15 ports on one host, 25 hosts on one port. Zeek's window is 5 minutes
     * because it runs live; flow logs come by the hour and a slow scan (a probe a minute) is the
     * one worth finding in them, so the default window is the hour. What keeps busy clients out is
     * counting only unanswered targets (see {@link ScanTargets}), not a short window.
     */
    public static final ScanThresholds DEFAULT = new ScanThresholds(15, 25, 60 * 60_000L);
}
