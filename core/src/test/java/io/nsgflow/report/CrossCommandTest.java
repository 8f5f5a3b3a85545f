package io.nsgflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.Main;
import io.nsgflow.SharedSamples;
import io.nsgflow.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The numbers agree across commands, end to end: the rows of {@code top --by src --limit 0} add
 * up to the totals of {@code summary}, for every metric; its allowed and denied flows to the
 * summary's flows by action; and {@code timeline}'s buckets to the same totals.
 */
class CrossCommandTest {
    /** The shipped samples: each blob, the storage folder, one record per line, everything at once, a filter. */
    static Stream<List<String>> inputs() {
        return Stream.of(List.of("samples/nsg-v1-PT1H.json"), List.of("samples/nsg-v2-PT1H.json"),
                List.of("samples/vnet-PT1H.json"), List.of("samples/storage"),
                List.of("core/src/test/resources/logs/vnet-record-per-line.log"), List.of("samples"),
                List.of("--direction", "outbound", "samples/nsg-v2-PT1H.json"));
    }

    /** The real logs of ../shared/samples, one by one and all at once (the non-flow-logs included). */
    static Stream<List<String>> sharedInputs() {
        List<List<String>> inputs = new ArrayList<>();
        for (String f : List.of("danifitz-azure-nsg-flow-logs-newrelic--PT1H.json", "AbhishekGangurdeAdmin-DevReops--PT1H.json",
                "dimitertodorov-nsg-parser--nsg_flow_events.json", "chshin9-CSP451-Milestone3--vnet-PT1H.json",
                "elastic-integrations--vnet-testdata.json", "elastic-integrations--nsg-testdata.json")) {
            inputs.add(List.of(SharedSamples.DIR.resolve(f).toString()));
        }
        inputs.add(List.of(SharedSamples.DIR.toString()));
        inputs.add(List.of("--direction", "outbound", SharedSamples.DIR.resolve("AbhishekGangurdeAdmin-DevReops--PT1H.json").toString()));
        return inputs.stream();
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void topBySourceAddsUpToTheSummary(List<String> input) {
        assertAgree(input);
    }

    @ParameterizedTest
    @MethodSource("sharedInputs")
    void topBySourceAddsUpToTheSummaryOnTheSharedLogs(List<String> input) {
        SharedSamples.assumePresent();
        assertAgree(input);
    }

    private static void assertAgree(List<String> input) {
        Map<String, String> overview = summary(input);
        List<Map<String, String>> top = Tsv.rows(run("top --by src --limit 0", input), null);
        List<Map<String, String>> timeline = Tsv.rows(run("timeline --every 1h", input), null);
        for (String metric : List.of("flows", "tuples", "packets", "bytes")) {
            long total = Long.parseLong(overview.get(metric));
            assertThat(Tsv.sum(top, metric)).as(metric).isEqualTo(total);
            assertThat(Tsv.sum(timeline, metric)).as(metric).isEqualTo(total);
        }
        List<Map<String, String>> actions = Tsv.rows(run("summary --table actions", input));
        for (String metric : List.of("allowed", "denied", "flows")) {
            assertThat(Tsv.sum(top, metric)).as(metric)
                    .isEqualTo(Tsv.sum(actions, metric));
        }
    }

    /**
     * Rules and conversations count the same flows: the rules' flows add up to the summary's, and
     * there is one conversation per flow of a version-2 or VNet tuple (version 1 has no state to
     * stitch; the note says how many tuples, each a flow, were left out).
     */
    @ParameterizedTest
    @MethodSource("inputs")
    void rulesAndConversationsCountTheSummarysFlows(List<String> input) {
        long flows = count(summary(input), "flows");
        assertThat(Tsv.sum(Tsv.rows(run("rules", input), null), "flows")).isEqualTo(flows);
        StringWriter err = new StringWriter();
        long conversations = Tsv.rows(run("conversations", input, err), null).size();
        java.util.regex.Matcher v1 = java.util.regex.Pattern.compile("note: (\\d+) version-1 tuples left out").matcher(err.toString());
        assertThat(conversations + (v1.find() ? Long.parseLong(v1.group(1)) : 0)).isEqualTo(flows);
    }

    /**
     * Issue 9: Azure wrote the {@code B} tuple of 203.0.113.14:56662 twice in one record. The
     * repeat counts once in every command: 31 flows, not 32, and no phantom open conversation.
     */
    @org.junit.jupiter.api.Test
    void aRepeatedBeginOfAnOpenConnectionCountsOnceInEveryCommand() {
        List<String> input = List.of("samples/vnet-PT1H.json");
        assertThat(count(summary(input), "flows")).isEqualTo(31);
        Map<String, String> source = Tsv.rows(run("top --by src --limit 0", input), null).stream()
                .filter(r -> r.get("srcIp").equals("203.0.113.14")).findFirst().orElseThrow();
        assertThat(source).containsEntry("flows", "2").containsEntry("tuples", "4");
        assertThat(Tsv.rows(run("conversations --src-port 56662", input), null))
                .singleElement().satisfies(c -> assertThat(c).containsEntry("state", "complete").containsEntry("tuples", "2"));
        assertThat(Tsv.rows(run("flows --src-port 56662", input), null)).as("flows lists tuples as read").hasSize(3);
    }

    /** Issue 9: a key seen only as {@code E} tuples, three times, is one flow whose three tuples all count. */
    @org.junit.jupiter.api.Test
    void aKeySeenOnlyAsEndTuplesIsOneFlowInEveryCommand(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        Path blob = dir.resolve("PT1H.json");
        Files.writeString(blob, "{\"records\":[{\"time\":\"2024-05-13T12:00:00Z\",\"category\":\"NetworkSecurityGroupFlowEvent\","
                + "\"properties\":{\"Version\":2,\"flows\":[{\"rule\":\"R\",\"flows\":[{\"mac\":\"000D3A000001\",\"flowTuples\":["
                + "\"1715601600,10.0.0.1,52.0.0.1,40000,443,T,O,A,E,1,10,2,20\",\"1715601900,10.0.0.1,52.0.0.1,40000,443,T,O,A,E,1,10,2,20\","
                + "\"1715602200,10.0.0.1,52.0.0.1,40000,443,T,O,A,E,1,10,2,20\"]}]}]}}]}");
        List<String> input = List.of(blob.toString());
        Map<String, String> overview = summary(input);
        assertThat(count(overview, "flows")).isEqualTo(1);
        assertThat(count(overview, "tuples")).isEqualTo(3);
        assertThat(count(overview, "bytes")).isEqualTo(90);
        for (String command : List.of("top --by src", "rules", "timeline --every 1h")) {
            List<Map<String, String>> rows = Tsv.rows(run(command, input), null);
            assertThat(Tsv.sum(rows, "flows")).as(command).isEqualTo(1);
            assertThat(Tsv.sum(rows, "tuples")).as(command).isEqualTo(3);
            assertThat(Tsv.sum(rows, "bytes")).as(command).isEqualTo(90);
        }
        assertThat(Tsv.rows(run("conversations", input), null)).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("tuples", "3").containsEntry("startedBefore", "true"));
    }

    /**
     * Issue 9: Azure lists every rule of the NSG, hit or not; {@code rules} lists the ones no tuple
     * came under with zero counts, so "is this rule doing anything?" can be answered "no". With a
     * filter, which asks about tuples, only rules with matching tuples are listed.
     */
    @org.junit.jupiter.api.Test
    void rulesListsTheRulesARecordNamesWithoutTuplesWithZeroCounts() {
        List<String> input = List.of("samples/nsg-v1-PT1H.json");
        Map<String, Map<String, String>> rules = new java.util.HashMap<>();
        Tsv.rows(run("rules", input), null).forEach(r -> rules.put(r.get("rule"), r));
        assertThat(rules.get("DefaultRule_DenyAllOutBound")).containsEntry("flows", "0").containsEntry("tuples", "0")
                .containsEntry("nsg", "APP-NSG");
        assertThat(rules).containsKey("DefaultRule_AllowAzureLoadBalancerInBound");
        assertThat(rules.get("UserRule_AllowSSH")).containsEntry("flows", "8");
        assertThat(Tsv.rows(run("rules --direction inbound", input), null)).extracting(r -> r.get("rule"))
                .doesNotContain("DefaultRule_DenyAllOutBound", "DefaultRule_AllowAzureLoadBalancerInBound");
    }

    /**
     * A folder mixing NSG and VNet blobs reads to the sum of its two containers, for every count:
     * the formats share no connection key (a MAC is in one or the other), so nothing is counted
     * twice or lost when they are read together.
     */
    @org.junit.jupiter.api.Test
    void aMixedFolderIsTheSumOfItsNsgAndVnetParts() {
        Path storage = Path.of("samples", "storage");
        Map<String, String> whole = overview(storage.toString());
        Map<String, String> nsg = overview(storage.resolve("insights-logs-networksecuritygroupflowevent").toString());
        Map<String, String> vnet = overview(storage.resolve("insights-logs-flowlogflowevent").toString());
        for (String item : List.of("inputs", "records", "tuples", "flows", "packets", "bytes")) {
            assertThat(count(nsg, item)).as(item).isPositive();
            assertThat(count(vnet, item)).as(item).isPositive();
            assertThat(count(whole, item)).as(item).isEqualTo(count(nsg, item) + count(vnet, item));
        }
    }

    private static Map<String, String> overview(String path) {
        return summary(List.of(path));
    }

    private static Map<String, String> summary(List<String> input) {
        return Tsv.rows(run("summary --table overview", input)).get(0);
    }

    private static long count(Map<String, String> overview, String item) {
        return Long.parseLong(overview.get(item));
    }

    private static String run(String command, List<String> input) {
        return run(command, input, new StringWriter());
    }

    private static String run(String command, List<String> input, StringWriter err) {
        List<String> args = new ArrayList<>(Arrays.asList(command.split(" ")));
        args.addAll(List.of("-f", "tsv"));
        args.addAll(input);
        StringWriter out = new StringWriter();
        int exit = Main.run(new Terminal(out, err, new ByteArrayInputStream(new byte[0]), false),
                args.toArray(new String[0]));
        assertThat(exit).isIn(0, 1);
        return out.toString();
    }
}
