package io.nsgflow.report;

import static io.nsgflow.report.TestRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.model.FlowRow;
import io.nsgflow.result.Results;
import io.nsgflow.result.Row;
import io.nsgflow.result.Shape;
import io.nsgflow.result.TableSchema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each aggregation on a small hand-built input whose answers are worked out in the comments; asserted on the typed result. */
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

    private static List<Row> top(GroupBy by, Metric metric, int limit) {
        Results results = new Results();
        TopReporter reporter = new TopReporter(new Shape(null, List.of(), limit, null).apply(results), by, metric, io.nsgflow.enrich.Enricher.builtIn());
        ROWS.forEach(reporter::accept);
        reporter.finish(new io.nsgflow.model.ReadStats());
        return results.rows();
    }

    @Test
    void topBySourceCountsFlowsOncePerConnectionAndSumsBothDirections() {
        List<Row> rows = top(GroupBy.SRC, Metric.FLOWS, 0);
        assertThat(rows).extracting(r -> r.text("srcIp")).containsExactly("10.0.0.1", "203.0.113.9", "10.0.0.2");
        Row first = rows.get(0);
        assertThat(List.of(first.count("flows"), first.count("allowed"), first.count("denied"), first.count("tuples"),
                first.count("packets"), first.count("bytes"))).containsExactly(2L, 2L, 0L, 4L, 6L, 75L);
        assertThat(rows.get(1).count("flows")).isEqualTo(2);
        assertThat(rows.get(1).count("denied")).isEqualTo(2);
        assertThat(rows.get(1).count("bytes")).isZero();
    }

    @Test
    void topGivesEachRowItsShareOfTheMetricsTotal() {
        List<Row> rows = top(GroupBy.SRC, Metric.FLOWS, 0);
        assertThat(rows).extracting(r -> r.get("share")).containsExactly(0.4, 0.4, 0.2);
        assertThat(top(GroupBy.SRC, Metric.BYTES, 0).get(0).get("share")).isEqualTo(1.0);
    }

    @Test
    void topRanksByTheMetricThenByKeyAndKeepsTheLimit() {
        assertThat(top(GroupBy.SRC, Metric.BYTES, 2)).extracting(r -> r.text("srcIp"))
                .containsExactly("10.0.0.1", "10.0.0.2");
        List<Row> ports = top(GroupBy.DSTPORT, Metric.FLOWS, 0);
        assertThat(ports).extracting(r -> r.get("dstPort") + "/" + r.get("protocol"))
                .containsExactly("22/TCP", "443/TCP", "80/TCP");
        Row pair = top(GroupBy.PAIR, Metric.TUPLES, 1).get(0);
        assertThat(pair.text("srcIp")).isEqualTo("10.0.0.1");
        assertThat(pair.text("dstIp")).isEqualTo("52.1.1.1");
        assertThat(pair.count("tuples")).isEqualTo(3);
    }

    @Test
    void rulesCountDistinctAddressesAndListEveryPortAsData() {
        List<FlowRow> rows = List.of(
                row("MAC", "Deny", "1000,203.0.113.9,10.0.0.4,5555,22,T,I,D,B,,,,"),
                row("MAC", "Deny", "1001,203.0.113.9,10.0.0.4,5556,22,T,I,D,B,,,,"),
                row("MAC", "Deny", "1002,203.0.113.8,10.0.0.4,5557,3389,T,I,D,B,,,,"),
                row("MAC", "Web", "1003,10.0.0.1,52.1.1.1,40000,443,T,O,A,B,,,,"));
        List<Row> out = TestRows.results(RulesReporter::new, rows).rows();
        assertThat(out).extracting(r -> r.text("rule")).containsExactly("Deny", "Web");
        Row deny = out.get(0);
        assertThat(deny.text("nsg")).isEqualTo("NSG1");
        assertThat(List.of(deny.count("flows"), deny.count("denied"), deny.count("sources"), deny.count("destinations")))
                .containsExactly(3L, 3L, 2L, 1L);
        assertThat(deny.records("dstPorts")).containsExactly(
                Map.of("dstPort", 22L, "protocol", "TCP", "flows", 2L),
                Map.of("dstPort", 3389L, "protocol", "TCP", "flows", 1L));
    }

    @Test
    void timelineFillsEmptyBucketsAndCountsFlowsWhereTheyBegin() {
        List<Row> out = TestRows.results(w -> new TimelineReporter(w, 60_000, Metric.FLOWS, Long.MIN_VALUE, Long.MAX_VALUE),
                ROWS).rows();
        // 16 min: B and a denial (2 flows); 17 min: C and an orphan C (1 flow, 35 bytes);
        // 18 min: v1 tuple and E (1 flow, 40 bytes); 19-24 min empty; 25 min: a denial
        assertThat(out).hasSize(10);
        assertThat(out.get(0).get("time")).isEqualTo(Instant.parse("1970-01-01T00:16:00Z"));
        assertThat(out.get(0).count("flows")).isEqualTo(2);
        assertThat(out.get(0).count("tuples")).isEqualTo(2);
        assertThat(List.of(out.get(1).count("flows"), out.get(1).count("tuples"), out.get(1).count("bytes")))
                .containsExactly(1L, 2L, 35L);
        assertThat(List.of(out.get(2).count("flows"), out.get(2).count("tuples"), out.get(2).count("bytes")))
                .containsExactly(1L, 2L, 40L);
        assertThat(out.subList(3, 9)).allSatisfy(r -> assertThat(r.count("tuples")).isZero());
        assertThat(out.get(9).get("time")).isEqualTo(Instant.parse("1970-01-01T00:25:00Z"));
        assertThat(out.get(9).count("denied")).isEqualTo(1);
        TableSchema schema = out.get(0).table();
        assertThat(schema.columns()).filteredOn(c -> c.charted()).extracting(c -> c.name()).containsExactly("flows");
    }

    @Test
    void timelineFillsTheWholeWindowAskedForWithZeroRows() {
        List<Row> out = TestRows.results(w -> new TimelineReporter(w, 60_000, Metric.FLOWS, 0, 1799_000), ROWS).rows();
        assertThat(out).hasSize(30);
        assertThat(out.get(0).get("time")).isEqualTo(Instant.EPOCH);
        assertThat(out.get(29).get("time")).isEqualTo(Instant.parse("1970-01-01T00:29:00Z"));
        assertThat(out.stream().mapToLong(r -> r.count("tuples")).sum()).isEqualTo(ROWS.size());
        assertThat(TestRows.results(w -> new TimelineReporter(w, 60_000, Metric.FLOWS, 0, 1799_000), List.of()).rows())
                .hasSize(30).allSatisfy(r -> assertThat(r.count("tuples")).isZero());
    }

    @Test
    void timelineSaysWhenItLeavesEmptyBucketsOutAndWhichSizeWouldFit() {
        List<FlowRow> apart = List.of(row("0,10.0.0.1,52.1.1.1,40000,443,T,O,A,B,,,,"),
                row("864000,10.0.0.1,52.1.1.1,40001,443,T,O,A,B,,,,")); // ten days later
        Results results = new Results();
        TimelineReporter reporter = new TimelineReporter(results, 60_000, Metric.FLOWS, Long.MIN_VALUE, Long.MAX_VALUE);
        apart.forEach(reporter::accept);
        reporter.finish(new io.nsgflow.model.ReadStats());
        assertThat(results.rows()).hasSize(2);
        assertThat(reporter.notes()).singleElement().asString().contains("14401 buckets").contains("--every 5m");
    }

    @Test
    void timelineTakesTheLongerBucketSizes() {
        assertThat(TimelineReporter.parseEvery("30m")).isEqualTo(1_800_000);
        assertThat(TimelineReporter.parseEvery("6h")).isEqualTo(21_600_000);
        assertThat(TimelineReporter.parseEvery("1d")).isEqualTo(86_400_000);
    }

    @Test
    void summaryIsTypedDataWithCompleteListsAndNoProse() {
        Results r = TestRows.results(w -> new SummaryReporter(w, null), ROWS);
        Row overview = r.table("overview").rows().get(0);
        assertThat(overview.count("flows")).isEqualTo(5);
        assertThat(overview.count("allowed")).isEqualTo(3);
        assertThat(overview.count("denied")).isEqualTo(2);
        assertThat(overview.get("first")).isEqualTo(Instant.ofEpochSecond(1000));
        assertThat(overview.get("last")).isEqualTo(Instant.ofEpochSecond(1500));
        assertThat(overview.list("rules")).containsExactly("UserRule_Web");
        assertThat(overview.list("acls")).isEmpty();
        assertThat(r.table("topSources").rows()).hasSize(3);
    }

    @Test
    void summaryAddsEncryptionRowsOnlyWhenVnetRowsArePresent() {
        assertThat(TestRows.results(w -> new SummaryReporter(w, null), ROWS).table("encryption").rows()).isEmpty();
        List<FlowRow> vnet = TestRows.read(java.nio.file.Path.of("samples/vnet-PT1H.json"));
        List<Row> encryption = TestRows.results(w -> new SummaryReporter(w, null), vnet).table("encryption").rows();
        assertThat(encryption.stream().mapToLong(x -> x.count("tuples")).sum()).as("every tuple but the repeat")
                .isEqualTo(vnet.stream().filter(r -> !r.isRepeat()).count());
    }
}
