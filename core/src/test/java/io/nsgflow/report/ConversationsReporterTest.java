package io.nsgflow.report;

import static io.nsgflow.report.TestRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.format.OutputFormat;
import io.nsgflow.format.TextOut;
import io.nsgflow.format.WriterOptions;
import io.nsgflow.result.Results;
import io.nsgflow.result.Row;
import java.time.Instant;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.ReadStats;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversationsReporterTest {
    @Test
    void aConversationIsWrittenWhenItsEndArrivesAndOpenOnesAtTheEnd() {
        StringWriter out = new StringWriter();
        ConversationsReporter reporter = new ConversationsReporter(
                OutputFormat.NDJSON.writer(new TextOut(out, true), WriterOptions.defaults()));
        reporter.accept(row("1000,10.0.0.1,52.1.1.1,40000,443,T,O,A,B,,,,"));
        reporter.accept(row("1001,10.0.0.1,52.1.1.2,40001,443,T,O,A,B,,,,"));
        reporter.accept(row("1060,10.0.0.1,52.1.1.1,40000,443,T,O,A,C,1,10,2,20"));
        assertThat(out.toString()).isEmpty();
        reporter.accept(row("1090,10.0.0.1,52.1.1.1,40000,443,T,O,A,E,3,30,4,40"));
        assertThat(out.toString()).contains("\"state\":\"complete\"").contains("\"dstIp\":\"52.1.1.1\"")
                .doesNotContain("52.1.1.2");
        reporter.finish(new ReadStats());
        assertThat(out.toString().lines()).hasSize(2).last().asString().contains("\"state\":\"open\"");
    }

    @Test
    void stitchesCountersAndMarksConversationsBegunBeforeTheInput() {
        List<FlowRow> rows = List.of(
                row("1000,10.0.0.1,52.1.1.1,40000,443,T,O,A,B,,,,"),
                row("1010,10.0.0.1,52.1.1.9,40009,443,T,O,A,C,5,50,6,60"),
                row("1060,10.0.0.1,52.1.1.1,40000,443,T,O,A,C,1,10,2,20"),
                row("1090,10.0.0.1,52.1.1.1,40000,443,T,O,A,E,3,30,4,40"),
                row("1100,203.0.113.9,10.0.0.4,5555,22,T,I,D,B,,,,"),
                row("1100,10.0.0.2,52.1.1.1,1234,80,T,O,A,"));
        List<Row> out = TestRows.results(ConversationsReporter::new, rows).rows();
        assertThat(out).hasSize(3);
        Row complete = out.get(0);
        assertThat(complete.get("state")).isEqualTo("complete");
        assertThat(complete.get("startedBefore")).isEqualTo(false);
        assertThat(complete.get("seconds")).isEqualTo(90.0);
        assertThat(complete.get("firstSeen")).isEqualTo(Instant.ofEpochSecond(1000));
        assertThat(List.of(complete.count("tuples"), complete.count("packetsSrcToDst"), complete.count("bytesSrcToDst"),
                complete.count("packetsDstToSrc"), complete.count("bytesDstToSrc"))).containsExactly(3L, 4L, 40L, 6L, 60L);
        assertThat(out.get(1).get("state")).isEqualTo("denied");
        assertThat(out.get(1).get("action")).isEqualTo("deny");
        assertThat(out.get(2).get("state")).isEqualTo("open");
        assertThat(out.get(2).get("startedBefore")).isEqualTo(true);
        assertThat(out.get(2).count("bytesDstToSrc")).isEqualTo(60);
    }

    @Test
    void leavesOutAndCountsVersion1Tuples() {
        ConversationsReporter reporter = new ConversationsReporter(new Results());
        reporter.accept(row("1100,10.0.0.2,52.1.1.1,1234,80,T,O,A,"));
        reporter.accept(row("1100,10.0.0.2,52.1.1.1,1235,80,T,O,A,"));
        assertThat(reporter.statelessSkipped()).isEqualTo(2);
        assertThat(reporter.notes()).singleElement().asString().startsWith("2 version-1 tuples left out");
    }

    @Test
    void theTuplesOfAKeySeenOnlyAsContinuationsAndEndsAreOneConversation() {
        List<FlowRow> rows = List.of(
                row("1000,10.0.0.1,52.1.1.1,40000,443,T,O,A,E,1,10,1,20"),
                row("1300,10.0.0.1,52.1.1.1,40000,443,T,O,A,C,2,20,2,40"),
                row("1600,10.0.0.1,52.1.1.1,40000,443,T,O,A,E,3,30,3,60"),
                row("1900,10.0.0.1,52.1.1.1,40000,443,T,O,A,E,4,40,4,80"));
        List<Row> out = TestRows.results(ConversationsReporter::new, rows).rows();
        assertThat(out).singleElement().satisfies(c -> {
            assertThat(c.get("startedBefore")).isEqualTo(true);
            assertThat(c.get("state")).isEqualTo("complete");
            assertThat(c.get("seconds")).isEqualTo(900.0);
            assertThat(List.of(c.count("tuples"), c.count("bytesDstToSrc"))).containsExactly(4L, 200L);
        });
    }

    @Test
    void anEndAfterTheConnectionClosedJoinsTheKeysConversationBegunBeforeTheInput() {
        List<FlowRow> rows = List.of(
                row("1000,10.0.0.1,52.1.1.1,40000,443,T,O,A,C,1,10,1,20"),
                row("1100,10.0.0.1,52.1.1.1,40000,443,T,O,A,B,,,,"),
                row("1200,10.0.0.1,52.1.1.1,40000,443,T,O,A,E,1,10,1,20"),
                row("1300,10.0.0.1,52.1.1.1,40000,443,T,O,A,E,2,20,2,40"));
        List<Row> out = TestRows.results(ConversationsReporter::new, rows).rows();
        assertThat(out).extracting(c -> c.get("startedBefore") + " " + c.count("tuples") + " " + c.get("state"))
                .containsExactly("false 2 complete", "true 2 complete");
    }

    @Test
    void oneConversationPerFlowOfStatefulTuples() {
        List<FlowRow> rows = new ArrayList<>();
        for (String hour : List.of("09", "10")) {
            rows.addAll(TestRows.read(Path.of("samples/storage/insights-logs-networksecuritygroupflowevent/resourceId=/SUBSCRIPTIONS/"
                    + "5F3C9A2E-8B71-4D06-A9E4-2C7B1D8E6F40/RESOURCEGROUPS/RG-PROD/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/"
                    + "WEB-NSG/y=2024/m=05/d=14/h=" + hour + "/m=00/macAddress=000D3A4F2B19/PT1H.json")));
        }
        assertOneConversationPerFlow(rows);
    }

    @Test
    void oneConversationPerFlowOfStatefulTuplesOfARealLog() {
        assertOneConversationPerFlow(TestRows.shared("danifitz-azure-nsg-flow-logs-newrelic--PT1H.json"));
    }

    private static void assertOneConversationPerFlow(List<FlowRow> rows) {
        long conversations = TestRows.results(ConversationsReporter::new, rows).rows().size();
        long flows = TestRows.results(w -> new SummaryReporter(w, null), rows).table("overview").rows().get(0).count("flows");
        assertThat(conversations).isEqualTo(flows);
    }
}
