package io.nsgflow.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes realistic, deterministic flow-log blobs of any size, for benchmarks and tests: NSG
 * version 1 or 2, or VNet. What makes them realistic is what the code that reads them is
 * sensitive to: one compact line like Azure writes, records of about 32 KB (a busy minute split
 * into several records with one {@code time}), one network interface per blob whose peers are a
 * few hundred internal hosts and a long tail of public addresses chosen Zipf-like (a few talkers
 * dominate), common ports, both directions, about 15% of tuples denied, and connections whose
 * {@code B}, {@code C} and {@code E} tuples follow each other consistently, across the blobs of
 * consecutive hours too.
 *
 * <p>The same seed gives the same bytes. Output is streamed a record at a time, so a 1 GB blob
 * never sits in memory.
 *
 * <p>One instance is one network interface: {@link #writeBlob} once per hour, in order, carries
 * its open connections from one hour's blob into the next.
 */
public final class FlowLogGenerator {
    /** Which flow-log format to write. */
    public enum Version { V1, V2, VNET }

    static final String SUBSCRIPTION = "5F3C9A2E-8B71-4D06-A9E4-2C7B1D8E6F40";
    static final String NSG_ID = "/SUBSCRIPTIONS/" + SUBSCRIPTION
            + "/RESOURCEGROUPS/RG-BENCH/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/NSG-BENCH";
    static final String FLOW_LOG_ID = "/SUBSCRIPTIONS/" + SUBSCRIPTION + "/RESOURCEGROUPS/NETWORKWATCHERRG"
            + "/PROVIDERS/MICROSOFT.NETWORK/NETWORKWATCHERS/NETWORKWATCHER_WESTEUROPE/FLOWLOGS/FL-BENCH";
    private static final String TARGET_ID = "/SUBSCRIPTIONS/" + SUBSCRIPTION
            + "/RESOURCEGROUPS/RG-BENCH/PROVIDERS/MICROSOFT.NETWORK/VIRTUALNETWORKS/VNET-BENCH";
    /** The first hour written by {@link #writeFolder}. */
    static final Instant FIRST_HOUR = Instant.parse("2024-05-14T09:00:00Z");

    /** Share of tuples that are denied connection attempts. */
    static final double DENY_SHARE = 0.15;
    /** About how many tuples one record holds (about 32 KB of NSG v2 tuples, as Azure splits a busy minute). */
    static final int TUPLES_PER_RECORD = 420;
    private static final int INTERNAL_HOSTS = 300;
    private static final int PUBLIC_HOSTS = 50_000;
    private static final int MIN_OPEN = 200;
    private static final int MAX_OPEN = 3000;
    private static final int[] PUBLIC_FIRST_OCTETS = {13, 20, 23, 40, 45, 52, 64, 80, 89, 91, 94, 104, 109, 137,
        141, 151, 176, 178, 185, 191, 193, 203, 212, 217};
    private static final int AZURE_DNS = ip(168, 63, 129, 16);
    private static final int[] DENIED_PORTS = {22, 3389, 445, 23, 1433, 5900, 8080, 3306, 21, 25};
    private static final String[] RULES = {"DefaultRule_AllowInternetOutBound", "DefaultRule_AllowVnetOutBound",
        "UserRule_AllowHttpsInbound", "DefaultRule_AllowVnetInBound", "UserRule_DenyRemoteAdmin",
        "DefaultRule_DenyAllInBound"};
    private static final int INTERNET_OUT = 0;
    private static final int VNET_OUT = 1;
    private static final int HTTPS_IN = 2;
    private static final int VNET_IN = 3;
    private static final int DENY_ADMIN = 4;
    private static final int DENY_ALL = 5;
    private static final String ACL_ID = "4f1e2d3c-5b6a-4789-9abc-def012345678";

    private static final Zipf PUBLIC = new Zipf(PUBLIC_HOSTS, 1.05);
    private static final Zipf INTERNAL = new Zipf(INTERNAL_HOSTS, 0.9);

    /** One connection, from its {@code B} tuple to its {@code E} tuple. */
    private record Key(int src, int dst, int srcPort, int dstPort, boolean tcp) {
    }

    private static final class Connection {
        final Key key;
        final boolean inbound;
        final int rule;
        int continuations;

        Connection(Key key, boolean inbound, int rule, int continuations) {
            this.key = key;
            this.inbound = inbound;
            this.rule = rule;
            this.continuations = continuations;
        }
    }

    private final Version version;
    private final SplittableRandom random;
    private final String mac;
    private final int nicIp;
    private final List<Connection> open = new ArrayList<>();
    private final Set<Key> openKeys = new HashSet<>();
    private final StringBuilder[] byRule = new StringBuilder[RULES.length];
    private final StringBuilder record = new StringBuilder(64 * 1024);
    private long tuples;
    private long deniedTuples;

    /**
     * @param nic which network interface of the NSG this is (from 0); it sets the MAC and address
     */
    public FlowLogGenerator(Version version, long seed, int nic) {
        this.version = version;
        this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + nic);
        this.mac = String.format(Locale.ROOT, "000D3A%06X", 0x10_0000 + nic);
        this.nicIp = internalHost(nic % INTERNAL_HOSTS);
        for (int i = 0; i < byRule.length; i++) {
            byRule[i] = new StringBuilder();
        }
    }

    /** The interface's MAC, 12 upper-case hex digits. */
    public String mac() {
        return mac;
    }

    /** Tuples written so far, over every blob. */
    public long tuples() {
        return tuples;
    }

    /** Denied tuples written so far. */
    public long deniedTuples() {
        return deniedTuples;
    }

    /**
     * Writes one blob, {@code PT1H.json} of {@code hour}, of at least {@code targetBytes} (it stops
     * after the record that reaches it; the envelope alone is 14 bytes).
     *
     * @return the bytes written
     */
    public long writeBlob(OutputStream out, Instant hour, long targetBytes) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 16);
        long records = Math.max(1, targetBytes / (TUPLES_PER_RECORD * bytesPerTuple()));
        long recordsPerMinute = Math.max(1, (records + 59) / 60);
        w.write("{\"records\":[");
        long written = 12;
        for (long r = 0; written + 2 < targetBytes || r == 0; r++) {
            long minute = Math.min(59, r / recordsPerMinute);
            long minuteStart = hour.getEpochSecond() + minute * 60;
            record.setLength(0);
            if (r > 0) {
                record.append(',');
            }
            writeRecord(minuteStart, r % recordsPerMinute);
            w.append(record);
            written += record.length();
        }
        w.write("]}");
        w.flush();
        return written + 2;
    }

    /** Roughly what one tuple costs in the blob, to spread records over the hour. */
    private int bytesPerTuple() {
        return version == Version.V1 ? 52 : 72;
    }

    private void writeRecord(long minuteStart, long indexInMinute) {
        for (StringBuilder sb : byRule) {
            sb.setLength(0);
        }
        for (int i = 0; i < TUPLES_PER_RECORD; i++) {
            nextTuple(minuteStart);
        }
        String time = time(minuteStart, indexInMinute);
        record.append("{\"time\":\"").append(time).append('"');
        if (version == Version.VNET) {
            record.append(",\"flowLogVersion\":4,\"flowLogGUID\":\"66aa66aa-bb77-cc88-dd99-00ee00ee00ee\",\"macAddress\":\"")
                    .append(mac).append("\",\"category\":\"FlowLogFlowEvent\",\"flowLogResourceID\":\"").append(FLOW_LOG_ID)
                    .append("\",\"targetResourceID\":\"").append(TARGET_ID)
                    .append("\",\"operationName\":\"FlowLogFlowEvent\",\"flowRecords\":{\"flows\":[{\"aclID\":\"")
                    .append(ACL_ID).append("\",\"flowGroups\":[");
            appendRules("{\"rule\":\"", "\",\"flowTuples\":[", "]}");
            record.append("]}]}}");
        } else {
            record.append(",\"systemId\":\"a0fca5ce-022c-47b1-9735-89943b42f2fa\",\"macAddress\":\"").append(mac)
                    .append("\",\"category\":\"NetworkSecurityGroupFlowEvent\",\"resourceId\":\"").append(NSG_ID)
                    .append("\",\"operationName\":\"NetworkSecurityGroupFlowEvents\",\"properties\":{\"Version\":")
                    .append(version == Version.V1 ? 1 : 2).append(",\"flows\":[");
            appendRules("{\"rule\":\"", "\",\"flows\":[{\"mac\":\"" + mac + "\",\"flowTuples\":[", "]}]}");
            record.append("]}}");
        }
    }

    /** One entry per rule that has tuples in this record, in a fixed rule order, as Azure groups them. */
    private void appendRules(String open, String afterRule, String close) {
        boolean first = true;
        for (int i = 0; i < RULES.length; i++) {
            if (byRule[i].length() == 0) {
                continue;
            }
            if (!first) {
                record.append(',');
            }
            first = false;
            record.append(open).append(RULES[i]).append(afterRule).append(byRule[i]).append(close);
        }
    }

    /** A record's write time: within its minute, 7 fractional digits as recent blobs have. */
    private static String time(long minuteStart, long indexInMinute) {
        ZonedDateTime t = Instant.ofEpochSecond(minuteStart + Math.min(59, 20 + indexInMinute / 4)).atZone(ZoneOffset.UTC);
        return String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d.%07dZ", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), 3_899_262 + indexInMinute);
    }

    /** Adds the next tuple: a denied attempt, a new connection, or the next step of an open one. */
    private void nextTuple(long minuteStart) {
        long time = minuteStart + random.nextInt(60);
        if (random.nextDouble() < DENY_SHARE) {
            denied(time);
        } else if (open.size() < MIN_OPEN || open.size() < MAX_OPEN && random.nextInt(3) == 0) {
            begin(time);
        } else {
            int i = random.nextInt(open.size());
            Connection c = open.get(i);
            if (c.continuations > 0) {
                c.continuations--;
                tuple(time, c.key, c.inbound, c.rule, 'C', true);
            } else {
                open.set(i, open.get(open.size() - 1));
                open.remove(open.size() - 1);
                openKeys.remove(c.key);
                tuple(time, c.key, c.inbound, c.rule, 'E', true);
            }
        }
    }

    /** An attempt from the internet on a remote-administration or other port, denied. */
    private void denied(long time) {
        int port = DENIED_PORTS[random.nextInt(DENIED_PORTS.length)];
        int rule = port == 22 || port == 3389 ? DENY_ADMIN : DENY_ALL;
        Key key = new Key(publicHost(PUBLIC.sample(random)), nicIp, 1024 + random.nextInt(64_512), port, true);
        deniedTuples++;
        tuple(time, key, true, rule, 'D', false);
    }

    /** Opens an allowed connection of a common kind and writes its {@code B} tuple. */
    private void begin(long time) {
        int kind = random.nextInt(100);
        int ephemeral = 49_152 + random.nextInt(16_384);
        Key key;
        boolean inbound;
        int rule;
        if (kind < 35) {
            key = new Key(nicIp, publicHost(PUBLIC.sample(random)), ephemeral, random.nextInt(5) == 0 ? 80 : 443, true);
            inbound = false;
            rule = INTERNET_OUT;
        } else if (kind < 45) {
            key = new Key(nicIp, AZURE_DNS, ephemeral, 53, false);
            inbound = false;
            rule = INTERNET_OUT;
        } else if (kind < 65) {
            int[] ports = {1433, 5432, 6379, 443, 445};
            key = new Key(nicIp, peer(), ephemeral, ports[random.nextInt(ports.length)], true);
            inbound = false;
            rule = VNET_OUT;
        } else if (kind < 85) {
            key = new Key(publicHost(PUBLIC.sample(random)), nicIp, ephemeral, random.nextInt(4) == 0 ? 80 : 443, true);
            inbound = true;
            rule = HTTPS_IN;
        } else {
            int[] ports = {22, 443, 8080};
            key = new Key(peer(), nicIp, ephemeral, ports[random.nextInt(ports.length)], true);
            inbound = true;
            rule = VNET_IN;
        }
        if (!openKeys.add(key)) {
            key = new Key(key.src(), key.dst(), key.srcPort() ^ 1, key.dstPort(), key.tcp()); // rare: one more try
            if (!openKeys.add(key)) {
                denied(time);
                return;
            }
        }
        int continuations = random.nextInt(2) == 0 ? 0 : 1 + random.nextInt(6);
        open.add(new Connection(key, inbound, rule, continuations));
        tuple(time, key, inbound, rule, 'B', false);
    }

    /** An internal host other than this interface. */
    private int peer() {
        int host = internalHost(INTERNAL.sample(random));
        return host == nicIp ? internalHost(INTERNAL_HOSTS - 1) : host;
    }

    /**
     * Appends one tuple to its rule's list. {@code state} is B, C, E, or D for a denial.
     * {@code counters} says whether the tuple carries packet and byte counts (C and E do).
     */
    private void tuple(long epochSeconds, Key k, boolean inbound, int rule, char state, boolean counters) {
        tuples++;
        StringBuilder sb = byRule[rule];
        if (sb.length() > 0) {
            sb.append(',');
        }
        sb.append('"');
        if (version == Version.VNET) {
            sb.append(epochSeconds * 1000 + random.nextInt(1000));
        } else {
            sb.append(epochSeconds);
        }
        sb.append(',');
        appendIp(sb, k.src());
        sb.append(',');
        appendIp(sb, k.dst());
        sb.append(',').append(k.srcPort()).append(',').append(k.dstPort()).append(',');
        char direction = inbound ? 'I' : 'O';
        if (version == Version.VNET) {
            sb.append(k.tcp() ? 6 : 17).append(',').append(direction).append(',').append(state).append(",NX,");
            appendCounters(sb, counters, "0,0,0,0");
        } else {
            sb.append(k.tcp() ? 'T' : 'U').append(',').append(direction).append(',').append(state == 'D' ? 'D' : 'A');
            if (version == Version.V2) {
                sb.append(',').append(state == 'D' ? 'B' : state).append(',');
                appendCounters(sb, counters, ",,,");
            }
        }
        sb.append('"');
    }

    /** Packets and bytes each way, heavy-tailed: most updates are small, a few carry megabytes. */
    private void appendCounters(StringBuilder sb, boolean counters, String none) {
        if (!counters) {
            sb.append(none);
            return;
        }
        long packetsOut = 1 + (long) Math.exp(random.nextDouble() * 7);
        long packetsIn = 1 + (long) Math.exp(random.nextDouble() * 7);
        sb.append(packetsOut).append(',').append(packetsOut * (60 + random.nextInt(1400))).append(',')
                .append(packetsIn).append(',').append(packetsIn * (60 + random.nextInt(1400)));
    }

    private static void appendIp(StringBuilder sb, int ip) {
        sb.append(ip >>> 24).append('.').append(ip >>> 16 & 0xFF).append('.').append(ip >>> 8 & 0xFF).append('.')
                .append(ip & 0xFF);
    }

    private static int ip(int a, int b, int c, int d) {
        return a << 24 | b << 16 | c << 8 | d;
    }

    /** Internal host {@code i}: 10.0.x.y in the VNet's first /22. */
    static int internalHost(int i) {
        return ip(10, 0, i / 250, 4 + i % 250);
    }

    /** Public host {@code rank} (0 is the busiest): a fixed, scattered, publicly routable address. */
    static int publicHost(int rank) {
        long h = (rank + 1) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        int first = PUBLIC_FIRST_OCTETS[(int) ((h & 0x7FFF_FFFFL) % PUBLIC_FIRST_OCTETS.length)];
        return first << 24 | (int) (h >>> 40) & 0xFF_FFFF;
    }

    /** Ranks 0..n-1 drawn with probability proportional to 1/(rank+1)^s. */
    static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double s) {
            cumulative = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1 / Math.pow(i + 1, s);
                cumulative[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                cumulative[i] /= sum;
            }
        }

        int sample(SplittableRandom random) {
            double u = random.nextDouble();
            int lo = 0;
            int hi = cumulative.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] < u) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    /** What {@link #writeFolder} wrote. */
    public record Written(long bytes, long tuples, long deniedTuples, List<Path> blobs) {
    }

    /**
     * Writes {@code blobs} blobs under {@code root} as azcopy lays a downloaded container out:
     * up to 8 network interfaces of one NSG (or VNet flow log), over as many consecutive hours
     * as it takes, {@code totalBytes} in all.
     */
    public static Written writeFolder(Path root, Version version, long seed, int blobs, long totalBytes)
            throws IOException {
        int nics = Math.min(blobs, 8);
        FlowLogGenerator[] generators = new FlowLogGenerator[nics];
        for (int n = 0; n < nics; n++) {
            generators[n] = new FlowLogGenerator(version, seed, n);
        }
        List<Path> paths = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < blobs; i++) {
            FlowLogGenerator g = generators[i % nics];
            Instant hour = FIRST_HOUR.plusSeconds(3600L * (i / nics));
            Path blob = root.resolve(blobPath(version, hour, g.mac()));
            Files.createDirectories(blob.getParent());
            try (OutputStream out = Files.newOutputStream(blob)) {
                bytes += g.writeBlob(out, hour, totalBytes / blobs);
            }
            paths.add(blob);
        }
        long tuples = 0;
        long denied = 0;
        for (FlowLogGenerator g : generators) {
            tuples += g.tuples();
            denied += g.deniedTuples();
        }
        return new Written(bytes, tuples, denied, paths);
    }

    /** Where Azure (and azcopy, downloading the container) puts the blob of {@code hour} and {@code mac}. */
    static String blobPath(Version version, Instant hour, String mac) {
        ZonedDateTime t = hour.atZone(ZoneOffset.UTC);
        String prefix = version == Version.VNET
                ? "insights-logs-flowlogflowevent/flowLogResourceID=" + FLOW_LOG_ID
                : "insights-logs-networksecuritygroupflowevent/resourceId=" + NSG_ID;
        return String.format(Locale.ROOT, "%s/y=%04d/m=%02d/d=%02d/h=%02d/m=00/macAddress=%s/PT1H.json", prefix,
                t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), mac);
    }

    /**
     * {@code --out PATH [--mb N] [--version v1|v2|vnet] [--seed S] [--blobs N]}: one blob at PATH,
     * or with {@code --blobs}, an azcopy-style folder of N blobs under PATH. Prints the bytes and
     * tuples written.
     */
    public static void main(String[] args) throws IOException {
        Path out = null;
        long mb = 100;
        Version version = Version.V2;
        long seed = 1;
        int blobs = 0;
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : usage("missing value for " + args[i]);
            switch (args[i]) {
                case "--out" -> out = Path.of(value);
                case "--mb" -> mb = Long.parseLong(value);
                case "--version" -> version = Version.valueOf(value.toUpperCase(Locale.ROOT));
                case "--seed" -> seed = Long.parseLong(value);
                case "--blobs" -> blobs = Integer.parseInt(value);
                default -> usage("unknown option " + args[i]);
            }
        }
        if (out == null) {
            usage("--out is required");
        }
        long bytes = mb * 1_000_000;
        if (blobs > 0) {
            Written w = writeFolder(out, version, seed, blobs, bytes);
            System.out.println(w.bytes() + " " + w.tuples());
        } else {
            FlowLogGenerator g = new FlowLogGenerator(version, seed, 0);
            try (OutputStream o = Files.newOutputStream(out)) {
                System.out.println(g.writeBlob(o, FIRST_HOUR, bytes) + " " + g.tuples());
            }
        }
    }

    private static String usage(String problem) {
        throw new IllegalArgumentException(problem
                + "; usage: FlowLogGenerator --out PATH [--mb N] [--version v1|v2|vnet] [--seed S] [--blobs N]");
    }
}
