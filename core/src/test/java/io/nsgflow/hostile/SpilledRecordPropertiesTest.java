package io.nsgflow.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.model.LogFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A record spilled to a temporary file reads exactly as one held in memory (issue 18 item 2): the
 * real CLI, in this JVM, on random inputs read twice, once with the spill threshold out of reach
 * and once lowered ({@code nsgflow.record.spillChars}) so that records of a few tuples spill, some
 * at their first tuple, some midway, gives the same rows, the same counts (repeated tuples
 * included), the same problems at the same places and the same exit code: for records in any key
 * order, with several rules and MACs, bad tuples, repeated keys, and for inputs cut anywhere.
 */
class SpilledRecordPropertiesTest {
    private static final String SPILL = "nsgflow.record.spillChars";
    private static final List<String[]> COMMANDS = List.of(
            new String[] {"flows", "-f", "ndjson"},
            new String[] {"summary", "-f", "json"},
            new String[] {"rules", "-f", "ndjson"});

    @Test
    void spilledRecordsReadAsRecordsHeldInMemory() {
        Random random = new Random(18_2);
        for (int input = 0; input < 40; input++) {
            byte[] bytes = blob(random);
            if (random.nextInt(4) == 0) { // cut anywhere, within a huge record or between records
                bytes = java.util.Arrays.copyOf(bytes, 1 + random.nextInt(bytes.length - 1));
            }
            int threshold = List.of(0, 1, 90, 400, 2_000).get(random.nextInt(5));
            for (String[] command : COMMANDS) {
                Cli.Result held = run(bytes, command, null);
                Cli.Result spilled = run(bytes, command, threshold);
                assertThat(spilled).as("%s, spilling past %d characters, on:%n%s", String.join(" ", command), threshold,
                        new String(bytes, StandardCharsets.UTF_8)).isEqualTo(held);
            }
        }
    }

    @Test
    void aCutSpilledRecordCountsNothingAndSaysSo() {
        String whole = "{\"records\":[" + record(new Random(7), LogFormat.NSG_V2, 3_000, false) + "]}";
        byte[] cut = whole.substring(0, whole.length() * 2 / 3).getBytes(StandardCharsets.UTF_8);

        Cli.Result r = run(cut, new String[] {"flows", "-f", "ndjson"}, 1_000);

        assertThat(r.out()).isEmpty();
        assertThat(r.exit()).as(r.err()).isEqualTo(3); // not one flow-log record could be read
        assertThat(r.errLines().get(0)).contains("input ends inside record 0").contains("cut short").endsWith("that record is skipped");
        assertThat(r).isEqualTo(run(cut, new String[] {"flows", "-f", "ndjson"}, null));
    }

    private static Cli.Result run(byte[] stdin, String[] command, Integer spillChars) {
        if (spillChars != null) {
            System.setProperty(SPILL, Integer.toString(spillChars));
        }
        try {
            List<String> args = new ArrayList<>(List.of(command));
            args.add("-");
            return Cli.run(stdin, args.toArray(String[]::new));
        } finally {
            System.clearProperty(SPILL);
        }
    }

    /** An envelope of a few records, each of up to a few hundred tuples. */
    private static byte[] blob(Random random) {
        StringBuilder sb = new StringBuilder("{\"records\":[");
        int records = 1 + random.nextInt(4);
        for (int i = 0; i < records; i++) {
            LogFormat format = LogFormat.values()[random.nextInt(LogFormat.values().length)];
            sb.append(i == 0 ? "" : ",").append(record(random, format, random.nextInt(300), random.nextInt(3) == 0));
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One record of {@code tuples} tuples over a few rules and MACs, drawn from a small pool so
     * that some repeat, with a bad tuple now and then; {@code sorted} puts the flows before the
     * header (as a key-sorting tool does) and repeats a tuple list, whose last value wins.
     */
    private static String record(Random random, LogFormat format, int tuples, boolean sorted) {
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(40); i++) {
            pool.add(GeneratedLog.tuple(random, format).text());
        }
        boolean vnet = format == LogFormat.VNET;
        int entries = 1 + random.nextInt(3);
        StringBuilder flows = new StringBuilder();
        int left = tuples;
        for (int e = 0; e < entries; e++) {
            int groups = 1 + random.nextInt(2);
            flows.append(e == 0 ? "" : ",").append(vnet ? "{\"aclID\":\"acl" + e + "\",\"flowGroups\":[" : "{\"rule\":\"R" + e + "\",\"flows\":[");
            for (int g = 0; g < groups; g++) {
                int n = e == entries - 1 && g == groups - 1 ? left : random.nextInt(left + 1);
                left -= n;
                String list = tupleList(random, pool, n);
                String name = vnet ? "\"rule\":\"R" + g + "\"" : "\"mac\":\"00-0D-3A-00-00-0" + random.nextInt(2) + "\"";
                String repeatedKey = sorted ? "\"flowTuples\":" + tupleList(random, pool, random.nextInt(5)) + "," : "";
                flows.append(g == 0 ? "" : ",").append(sorted ? "{" + repeatedKey + "\"flowTuples\":" + list + "," + name + "}"
                        : "{" + name + ",\"flowTuples\":" + list + "}");
            }
            flows.append("]}");
        }
        String body = vnet
                ? "\"flowRecords\":{\"flows\":[" + flows + "]},\"flowLogVersion\":4"
                : "\"properties\":{\"Version\":" + (format == LogFormat.NSG_V1 ? 1 : 2) + ",\"flows\":[" + flows + "]}";
        String header = "\"time\":\"2024-05-14T09:00:00.0000000Z\",\"macAddress\":\"000D3AF87856\",\"category\":\""
                + (vnet ? "FlowLogFlowEvent" : "NetworkSecurityGroupFlowEvent") + "\",\"resourceId\":\"/SUBSCRIPTIONS/S/"
                + "RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/NSG\"";
        return sorted ? "{" + body + "," + header + "}" : "{" + header + "," + body + "}";
    }

    private static String tupleList(Random random, List<String> pool, int n) {
        StringBuilder sb = new StringBuilder("[");
        for (int t = 0; t < n; t++) {
            String text = random.nextInt(50) == 0 ? (random.nextBoolean() ? "1715677210,not-an-address,x" : "1715677210,café,é") : pool.get(random.nextInt(pool.size()));
            sb.append(t == 0 ? "" : ",").append(random.nextInt(80) == 0 ? "12" : "\"" + text + "\"");
        }
        return sb.append("]").toString();
    }
}
