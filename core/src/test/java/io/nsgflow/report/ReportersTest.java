package io.nsgflow.report;

import static io.nsgflow.report.TestRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.format.OutputFormat;
import io.nsgflow.model.FlowRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each aggregation on a small hand-built input whose answers are worked out in the comments. */
class ReportersTest {
    /**
     * 10.0.0.1: one connection B, C(2 packets, 30 bytes), E(3, 40) plus one begun before the input
     * (C 1, 5): 2 flows, 4 tuples, 6 packets, 75 bytes. 203.0.113.9: two denials to port 22.
     * 10.0.0.2: one v1 tuple to port 80, allowed.
     */
    static final List<FlowRow> ROWS = List.of(
            row("1000,10.0.0.1,52.1.1.1,40000,443,T,O,A,B,,,,"),
            row("1010,203.0.113.9,10.0.0.4,5555,22,T,I,D,B,,,,"),
            row("1060,10.0.0.1,52.1.1.1,40000,443,T,O,A,C,1,10,1,20"),
            row("1070,10.0.0.1,52.1.1.2,40001,443,T,O,A,C,1,2,0,3"),
            row("1080,10.0.0.2,52.1.1.1,1234,80,T,O,A,"),
            row("1120,10.0.0.1,52.1.1.1,40000,443,T,O,A,E,2,15,1,25"),
            row("1500,203.0.113.9,10.0.0.4,5556,22,T,I,D,B,,,,"));

    private static List<Map<String, String>> top(GroupBy by, Metric metric, int limit) {
        return Tsv.rows(TestRows.run(OutputFormat.TSV, false, w -> new TopReporter(w, by, metric, limit), ROWS));
    }

    @Test
    void topBySourceCountsFlowsOncePerConnectionAndSumsBothDirections() {
        List<Map<String, String>> rows = top(GroupBy.SRC, Metric.FLOWS, 0);
        assertThat(rows).extracting(r -> r.get("srcIp")).containsExactly("10.0.0.1", "203.0.113.9", "10.0.0.2");
        assertThat(rows.get(0)).containsEntry("flows", "2").containsEntry("allowed", "2").containsEntry("denied", "0")
                .containsEntry("tuples", "4").containsEntry("packets", "6").containsEntry("bytes", "75");
        assertThat(rows.get(1)).containsEntry("flows", "2").containsEntry("denied", "2").containsEntry("bytes", "0");
    }

    @Test
    void topRanksByTheMetricThenByKeyAndKeepsTheLimit() {
        assertThat(top(GroupBy.SRC, Metric.BYTES, 2)).extracting(r -> r.get("srcIp"))
                .containsExactly("10.0.0.1", "10.0.0.2");
        List<Map<String, String>> ports = top(GroupBy.DSTPORT, Metric.FLOWS, 0);
        assertThat(ports).extracting(r -> r.get("dstPort") + "/" + r.get("protocol"))
                .containsExactly("22/TCP", "443/TCP", "80/TCP");
        assertThat(top(GroupBy.PAIR, Metric.TUPLES, 1).get(0)).containsEntry("srcIp", "10.0.0.1")
                .containsEntry("dstIp", "52.1.1.1").containsEntry("tuples", "3");
    }

    @Test
    void rulesCountDistinctAddressesAndBusiestPorts() {
        List<FlowRow> rows = List.of(
                row("MAC", "Deny", "1000,203.0.113.9,10.0.0.4,5555,22,T,I,D,B,,,,"),
                row("MAC", "Deny", "1001,203.0.113.9,10.0.0.4,5556,22,T,I,D,B,,,,"),
                row("MAC", "Deny", "1002,203.0.113.8,10.0.0.4,5557,3389,T,I,D,B,,,,"),
                row("MAC", "Web", "1003,10.0.0.1,52.1.1.1,40000,443,T,O,A,B,,,,"));
        List<Map<String, String>> out = Tsv.rows(TestRows.run(OutputFormat.TSV, false, RulesReporter::new, rows));
        assertThat(out).extracting(r -> r.get("rule")).containsExactly("Deny", "Web");
        assertThat(out.get(0)).containsEntry("nsg", "NSG1").containsEntry("flows", "3").containsEntry("denied", "3")
                .containsEntry("sources", "2").containsEntry("destinations", "1")
                .containsEntry("topDstPorts", "22/TCP 2, 3389/TCP 1");
    }

    @Test
    void timelineFillsEmptyBucketsAndCountsFlowsWhereTheyBegin() {
        List<Map<String, String>> out = Tsv.rows(TestRows.run(OutputFormat.TSV, false,
                w -> new TimelineReporter(w, 60_000, Metric.FLOWS, 0), ROWS));
        // 16 min: B and a denial (2 flows); 17 min: C and an orphan C (1 flow, 35 bytes);
        // 18 min: v1 tuple and E (1 flow, 40 bytes); 19-24 min empty; 25 min: a denial
        assertThat(out).hasSize(10);
        assertThat(out.get(0)).containsEntry("time", "1970-01-01T00:16:00Z").containsEntry("flows", "2")
                .containsEntry("tuples", "2");
        assertThat(out.get(1)).containsEntry("flows", "1").containsEntry("tuples", "2").containsEntry("bytes", "35");
        assertThat(out.get(2)).containsEntry("flows", "1").containsEntry("tuples", "2").containsEntry("bytes", "40");
        assertThat(out.subList(3, 9)).allSatisfy(r -> assertThat(r).containsEntry("tuples", "0"));
        assertThat(out.get(9)).containsEntry("time", "1970-01-01T00:25:00Z").containsEntry("denied", "1");
        assertThat(out.get(0)).doesNotContainKey("bar");
    }

    @Test
    void timelineBarsUseEighthBlocksAndFillTheWidth() {
        assertThat(TimelineReporter.bar(10, 10, 4)).isEqualTo("████");
        assertThat(TimelineReporter.bar(5, 10, 3)).isEqualTo("█▌");
        assertThat(TimelineReporter.bar(1, 1000, 4)).isEqualTo("▏");
        assertThat(TimelineReporter.bar(0, 10, 4)).isEmpty();
        String table = TestRows.run(OutputFormat.TABLE, false, w -> new TimelineReporter(w, 60_000, Metric.FLOWS, 100), ROWS);
        assertThat(table.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
        assertThat(table.lines().mapToInt(String::length).max().orElse(0)).isGreaterThan(90);
    }

    @Test
    void summaryAddsEncryptionOnlyWhenVnetRowsArePresent() {
        String nsgOnly = TestRows.run(OutputFormat.TSV, true, SummaryReporter::new, ROWS);
        assertThat(Tsv.rows(nsgOnly, "encryption")).isEmpty();
        List<FlowRow> vnet = TestRows.read(Path.of("samples/vnet-PT1H.json"));
        String withVnet = TestRows.run(OutputFormat.TSV, true, SummaryReporter::new, vnet);
        assertThat(Tsv.sum(Tsv.rows(withVnet, "encryption"), "tuples")).isEqualTo(vnet.size());
    }
}
