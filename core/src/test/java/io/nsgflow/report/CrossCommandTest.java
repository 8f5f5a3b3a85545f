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
        Map<String, String> overview = Tsv.rows(run("summary --table overview", input)).get(0);
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
        return Tsv.rows(run("summary --table overview", List.of(path))).get(0);
    }

    private static long count(Map<String, String> overview, String item) {
        return Long.parseLong(overview.get(item));
    }

    private static String run(String command, List<String> input) {
        List<String> args = new ArrayList<>(Arrays.asList(command.split(" ")));
        args.addAll(List.of("-f", "tsv"));
        args.addAll(input);
        StringWriter out = new StringWriter();
        int exit = Main.run(new Terminal(out, new StringWriter(), new ByteArrayInputStream(new byte[0]), false),
                args.toArray(new String[0]));
        assertThat(exit).isIn(0, 1);
        return out.toString();
    }
}
