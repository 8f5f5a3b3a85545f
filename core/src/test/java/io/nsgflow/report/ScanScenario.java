package io.nsgflow.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * An hour of an NSG (version 2) in front of a /24 of VMs, with injected scanners and the busy
 * clients a scan detector must leave alone, written as real PT1H.json blobs. Scanners use
 * addresses that MaxMind's test databases place (GB, SE, US, BT), so enrichment can be checked
 * on them too.
 *
 * <ul>
 *   <li>{@link #VERTICAL}: a fast nmap-style scan of ports 1-200 of one VM in two minutes, all
 *       denied but 143, which is 443 instead (allowed, refused with one packet back), and 22, on
 *       which it is let in afterwards (a real session)
 *   <li>{@link #HORIZONTAL}: RDP (3389) on 60 VMs in one minute, denied
 *   <li>{@link #SLOW}: one port a minute on one VM for 50 minutes, denied
 *   <li>{@link #MIXED}: 120 probes of random ports (1-1024) on random VMs: no one VM gets 15 ports
 *       nor any one port 25 VMs, but together they span both
 *   <li>benign: a web client talking to 300 internet hosts on 443 and 80 (answered); a monitoring
 *       server scraping 40 VMs on 9100 every 15 seconds; a client denied on one DNS-over-TLS
 *       resolver again and again; a client denied SMB on 5 VMs; Azure's health probes of every VM;
 *       the version-1 style tuple of a client with no counters to 30 hosts
 * </ul>
 */
public final class ScanScenario {
    public static final String VERTICAL = "81.2.69.160";
    public static final String HORIZONTAL = "89.160.20.130";
    public static final String SLOW = "216.160.83.57";
    public static final String MIXED = "67.43.156.9";
    public static final String WEB_CLIENT = "10.0.1.20";
    public static final String SCRAPER = "10.0.1.30";
    /** 2024-05-14T09:00:00Z. */
    public static final long HOUR = 1_715_677_200L;

    private static final String DENY = "DefaultRule_DenyAllInBound";
    private static final String ALLOW = "UserRule_AllowWeb";

    /** Tuples by minute, then by rule, in order. */
    private final Map<Integer, Map<String, List<String>>> minutes = new TreeMap<>();

    private ScanScenario() {
    }

    public static ScanScenario build(long seed) {
        Random r = new Random(seed);
        ScanScenario s = new ScanScenario();
        for (int p = 0; p < 200; p++) { // vertical: ports 1..200 of 10.0.1.4 within two minutes
            int port = p + 1;
            long t = HOUR + 300 + p * 120L / 200;
            if (port == 22) {
                continue; // the port it gets in on, below
            }
            if (port == 143) { // 443 instead: allowed, and refused (one packet back)
                s.add(t, ALLOW, VERTICAL, "10.0.1.4", 40000 + p, 443, "T,I,A,B,,,,");
                s.add(t + 1, ALLOW, VERTICAL, "10.0.1.4", 40000 + p, 443, "T,I,A,E,1,60,1,54");
            } else {
                s.add(t, DENY, VERTICAL, "10.0.1.4", 40000 + p, port, "T,I,D,B,,,,");
            }
        }
        s.add(HOUR + 600, ALLOW, VERTICAL, "10.0.1.4", 51000, 22, "T,I,A,B,,,,");
        s.add(HOUR + 900, ALLOW, VERTICAL, "10.0.1.4", 51000, 22, "T,I,A,E,300,40000,250,90000");
        for (int h = 1; h <= 60; h++) { // horizontal: 3389 on 60 VMs within a minute
            s.add(HOUR + 1200 + h, DENY, HORIZONTAL, "10.0.1." + h, 61000 + h, 3389, "T,I,D,B,,,,");
        }
        for (int m = 0; m < 50; m++) { // slow: one port a minute
            s.add(HOUR + 60L * m + 30, DENY, SLOW, "10.0.1.5", 33000 + m, 1000 + m * 7, "T,I,D,B,,,,");
        }
        for (int i = 0; i < 120; i++) { // mixed
            int host = 1 + r.nextInt(40);
            int port = 1 + r.nextInt(1024);
            s.add(HOUR + 1800 + i * 5, DENY, MIXED, "10.0.1." + host, 45000 + i, port, "T,I,D,B,,,,");
        }
        for (int i = 0; i < 300; i++) { // web client: answered, short connections
            String dst = (13 + r.nextInt(200)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
            long t = HOUR + 10L * i;
            int port = i % 5 == 0 ? 80 : 443;
            s.add(t, ALLOW, WEB_CLIENT, dst, 50000 + i, port, "T,O,A,B,,,,");
            s.add(t + 3, ALLOW, WEB_CLIENT, dst, 50000 + i, port, "T,O,A,E,12,1800,15," + (9000 + r.nextInt(90000)));
        }
        for (int round = 0; round < 240; round++) { // scraper: 40 VMs every 15 s, each answered
            for (int h = 1; h <= 40; h++) {
                long t = HOUR + 15L * round;
                s.add(t, ALLOW, SCRAPER, "10.0.1." + (100 + h), 20000 + (round * 40 + h) % 40000, 9100, "T,O,A,E,6,700,5,4200");
            }
        }
        for (int i = 0; i < 30; i++) {
            s.add(HOUR + 100L * i, "UserRule_DenyDoT", "10.0.1.21", "1.1.1.1", 55000 + i, 853, "T,O,D,B,,,,");
        }
        for (int h = 1; h <= 5; h++) {
            s.add(HOUR + 2000 + h, "UserRule_DenySMB", "10.0.1.22", "10.0.1." + (50 + h), 56000 + h, 445, "T,O,D,B,,,,");
        }
        for (int h = 1; h <= 60; h++) {
            s.add(HOUR + 2400 + h, "DefaultRule_AllowAzureLoadBalancerInBound", "168.63.129.16", "10.0.1." + h,
                    63000 + h, 80, "T,I,A,E,3,180,3,400");
        }
        for (int h = 1; h <= 30; h++) { // allowed, and no counters: nobody knows whether they answered
            s.add(HOUR + 2700 + h, ALLOW, "10.0.1.23", "20.50.1." + h, 57000 + h, 443, "T,O,A,B,,,,");
        }
        return s;
    }

    private void add(long seconds, String rule, String src, String dst, int srcPort, int dstPort, String rest) {
        int minute = (int) ((seconds - HOUR) / 60);
        minutes.computeIfAbsent(minute, m -> new TreeMap<>()).computeIfAbsent(rule, x -> new ArrayList<>())
                .add(seconds + "," + src + "," + dst + "," + srcPort + "," + dstPort + "," + rest);
    }

    /** The whole hour as one blob. */
    public Path write(Path file) throws IOException {
        return write(file, 0, 60);
    }

    /** The minutes {@code [from, to)} as one blob: two halves read apart must give the answer of the whole. */
    public Path write(Path file, int from, int to) throws IOException {
        StringBuilder sb = new StringBuilder("{\"records\":[");
        boolean firstRecord = true;
        for (Map.Entry<Integer, Map<String, List<String>>> minute : minutes.entrySet()) {
            if (minute.getKey() < from || minute.getKey() >= to) {
                continue;
            }
            sb.append(firstRecord ? "" : ",");
            firstRecord = false;
            sb.append("{\"time\":\"2024-05-14T09:").append(String.format("%02d", minute.getKey()))
                    .append(":59.0000000Z\",\"systemId\":\"a0fca5ce-022c-47b1-9735-89943b42f2fa\",")
                    .append("\"macAddress\":\"000D3AF87856\",\"category\":\"NetworkSecurityGroupFlowEvent\",")
                    .append("\"resourceId\":\"/SUBSCRIPTIONS/11111111-2222-3333-4444-555555555555/RESOURCEGROUPS/RG-SCAN")
                    .append("/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/NSG-SCAN\",")
                    .append("\"operationName\":\"NetworkSecurityGroupFlowEvents\",\"properties\":{\"Version\":2,\"flows\":[");
            boolean firstRule = true;
            for (Map.Entry<String, List<String>> rule : minute.getValue().entrySet()) {
                sb.append(firstRule ? "" : ",").append("{\"rule\":\"").append(rule.getKey())
                        .append("\",\"flows\":[{\"mac\":\"000D3AF87856\",\"flowTuples\":[");
                firstRule = false;
                for (int i = 0; i < rule.getValue().size(); i++) {
                    sb.append(i == 0 ? "\"" : ",\"").append(rule.getValue().get(i)).append('"');
                }
                sb.append("]}]}");
            }
            sb.append("]}}");
        }
        sb.append("]}");
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        return file;
    }
}
