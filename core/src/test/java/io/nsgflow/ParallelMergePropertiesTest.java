package io.nsgflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Issue 18: the answer does not depend on the thread count. Random {@code B}/{@code C}/{@code E}
 * sequences per connection key (with denials and identical repeats), interleaved, cut into
 * records and the records into blobs at random boundaries, read by every counting report at 1, 2
 * and 4 threads: byte-identical output. And the flows counted are the ones the README defines:
 * every {@code B}, and for each key, its first {@code C}/{@code E} that comes while it is not open,
 * once; a repeated tuple counts once.
 */
class ParallelMergePropertiesTest {
    private static final String[] MACS = {"000D3A000001", "000D3A000002"};
    private static final String[] RULES = {"UserRule_Web", "DefaultRule_AllowInternetOutBound"};
    private static final List<String> REPORTS = List.of("summary -f json", "top --by src --limit 0 -f tsv",
            "top --by pair --metric bytes --limit 0 -f csv", "top --by dstport --limit 0 -f ndjson",
            "top --by rule --limit 0 -f tsv", "rules -f json", "timeline --every 1m -f csv", "conversations -f csv");

    /** One tuple as generated: its connection key, its text, and whether it repeats the one before it. */
    private record Tuple(int key, String mac, String text, char state, boolean denied, boolean repeat) {
    }

    @Property(tries = 60)
    void everyReportIsTheSameAtOneTwoAndFourThreads(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        List<Tuple> tuples = interleave(random, 1 + random.nextInt(6));
        Path dir = Files.createTempDirectory("nsgflow-merge");
        try {
            writeBlobs(random, tuples, dir);
            for (String report : REPORTS) {
                String one = run(report, 1, dir);
                assertThat(run(report, 2, dir)).as("%s at 2 threads, seed %d", report, seed).isEqualTo(one);
                assertThat(run(report, 4, dir)).as("%s at 4 threads, seed %d", report, seed).isEqualTo(one);
            }
            long flows = expectedFlows(tuples);
            List<String> overview = run("summary --table overview -f tsv", 4, dir).lines().toList();
            int column = List.of(overview.get(0).split("\t")).indexOf("flows");
            assertThat(overview.get(1).split("\t")[column]).as("flows, seed %d", seed).isEqualTo(Long.toString(flows));
            long conversations = run("conversations -f tsv", 1, dir).lines().count() - 1;
            assertThat(conversations).as("one conversation per flow, seed %d", seed).isEqualTo(flows);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The definition of flows, applied to the tuples in input order. */
    private static long expectedFlows(List<Tuple> tuples) {
        Map<Integer, boolean[]> keys = new LinkedHashMap<>(); // per key: open, orphan counted
        long flows = 0;
        for (Tuple t : tuples) {
            if (t.repeat()) {
                continue;
            }
            boolean[] k = keys.computeIfAbsent(t.key(), x -> new boolean[2]);
            if (t.state() == 'B') {
                flows++;
                k[0] |= !t.denied();
            } else if (!k[0] || t.state() == 'E') {
                if (!k[0] && !k[1]) {
                    flows++;
                    k[1] = true;
                }
                k[0] = t.state() == 'C';
            }
        }
        return flows;
    }

    /** Each key's random sequence, interleaved at random, keeping each key's order; times rise through the input. */
    private static List<Tuple> interleave(Random random, int keyCount) {
        List<List<Character>> sequences = new ArrayList<>();
        for (int k = 0; k < keyCount; k++) {
            List<Character> states = new ArrayList<>();
            for (int n = 1 + random.nextInt(8); n > 0; n--) {
                states.add("BBCCEE".charAt(random.nextInt(6)));
            }
            sequences.add(states);
        }
        List<Tuple> tuples = new ArrayList<>();
        long time = 1_715_600_000L;
        int[] next = new int[keyCount];
        for (int left = sequences.stream().mapToInt(List::size).sum(); left > 0; left--) {
            int k;
            do {
                k = random.nextInt(keyCount);
            } while (next[k] == sequences.get(k).size());
            char state = sequences.get(k).get(next[k]++);
            boolean denied = state == 'B' && random.nextInt(8) == 0;
            // times rise strictly: two tuples of one key at one time, state and counters would be a repeat by chance, one the model does not know
            time += 1 + random.nextInt(90);
            String counters = state == 'B' ? ",,,," : "," + (1 + random.nextInt(9)) + "," + (60 + random.nextInt(900)) + ","
                    + random.nextInt(9) + "," + random.nextInt(900);
            String text = time + ",10.0.0." + (k + 1) + ",52.0.0." + k % 3 + "," + (40000 + k) + "," + (k % 2 == 0 ? 443 : 80)
                    + ",T,O," + (denied ? 'D' : 'A') + "," + state + counters;
            Tuple t = new Tuple(k, MACS[k % MACS.length], text, state, denied, false);
            tuples.add(t);
            if (random.nextInt(10) == 0) {
                tuples.add(new Tuple(k, t.mac(), text, state, denied, true));
            }
        }
        return tuples;
    }

    /** Cuts the tuples into records (a repeat stays in its original's record) and the records into blobs. */
    private static void writeBlobs(Random random, List<Tuple> tuples, Path dir) throws IOException {
        List<List<Tuple>> records = new ArrayList<>();
        for (int i = 0; i < tuples.size(); ) {
            int end = Math.min(tuples.size(), i + 1 + random.nextInt(4));
            while (end < tuples.size() && tuples.get(end).repeat()) {
                end++;
            }
            records.add(tuples.subList(i, end));
            i = end;
        }
        int blob = 0;
        for (int i = 0; i < records.size(); blob++) {
            int end = Math.min(records.size(), i + 1 + random.nextInt(3));
            StringBuilder sb = new StringBuilder("{\"records\":[");
            for (int r = i; r < end; r++) {
                sb.append(r == i ? "" : ",").append(record(records.get(r), RULES[r % RULES.length]));
            }
            Files.writeString(dir.resolve(String.format("blob-%03d-PT1H.json", blob)), sb.append("]}"));
            i = end;
        }
    }

    /** One NSG version-2 record: a group of tuples per MAC, each MAC's tuples in input order. */
    private static String record(List<Tuple> tuples, String rule) {
        Map<String, List<String>> byMac = new LinkedHashMap<>();
        for (Tuple t : tuples) {
            byMac.computeIfAbsent(t.mac(), m -> new ArrayList<>()).add("\"" + t.text() + "\"");
        }
        StringBuilder groups = new StringBuilder();
        byMac.forEach((mac, texts) -> groups.append(groups.length() == 0 ? "" : ",")
                .append("{\"mac\":\"").append(mac).append("\",\"flowTuples\":[").append(String.join(",", texts)).append("]}"));
        return "{\"time\":\"2024-05-13T12:00:00.0000000Z\",\"category\":\"NetworkSecurityGroupFlowEvent\","
                + "\"resourceId\":\"/SUBSCRIPTIONS/S/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/NSG\","
                + "\"properties\":{\"Version\":2,\"flows\":[{\"rule\":\"" + rule + "\",\"flows\":[" + groups + "]}]}}";
    }

    private static String run(String report, int threads, Path dir) {
        List<String> args = new ArrayList<>(List.of(report.split(" ")));
        args.addAll(List.of("--threads", Integer.toString(threads), dir.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new Terminal(out, err, new ByteArrayInputStream(new byte[0]), false), args.toArray(new String[0]));
        if (exit != 0) {
            throw new UncheckedIOException(new IOException(report + " exited " + exit + ": " + err));
        }
        return out.toString();
    }
}
