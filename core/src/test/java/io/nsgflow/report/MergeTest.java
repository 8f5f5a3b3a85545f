package io.nsgflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.SharedSamples;
import io.nsgflow.enrich.Enricher;
import io.nsgflow.enrich.EnrichmentException;
import io.nsgflow.format.OutputFormat;
import io.nsgflow.result.TableSink;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.ReadStats;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Partial results over consecutive slices of the input, merged in order into the reporter that
 * read the first slice, equal one pass over all of it: for every reporter whose answer merges, on
 * the samples (and the real logs of ../shared/samples when present) split at every record and
 * file boundary, and on a
 * synthetic stream split at every row (so a connection's B and its C or E land in different slices).
 */
class MergeTest {
    /** A reporter kind: how to make one, and in which format to compare. */
    record Kind<R extends Reporter & Mergeable<R>>(String name, OutputFormat format, boolean multi,
            Function<TableSink, R> make) {
    }

    /** The built-in classes and a list that holds the documentation ranges the synthetic rows use. */
    private static final Enricher LISTS = lists();

    private static Enricher lists() {
        try {
            return Enricher.load(null, List.of(), Map.of("threats", Path.of("core/src/test/resources/enrich/threats.txt")));
        } catch (EnrichmentException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Kind<?>> kinds() {
        List<Kind<?>> kinds = new ArrayList<>();
        kinds.add(new Kind<>("summary", OutputFormat.JSON, true, w -> new SummaryReporter(w, null)));
        kinds.add(new Kind<>("rules", OutputFormat.JSON, false, RulesReporter::new));
        kinds.add(new Kind<>("timeline", OutputFormat.TABLE, false,
                w -> new TimelineReporter(w, 60_000, Metric.FLOWS, Long.MIN_VALUE, Long.MAX_VALUE)));
        kinds.add(new Kind<>("summary with enrichment", OutputFormat.JSON, true, w -> new SummaryReporter(w, LISTS)));
        kinds.add(new Kind<>("scans", OutputFormat.JSON, false,
                w -> new ScansReporter(w, new ScanThresholds(3, 3, 600_000), LISTS)));
        for (GroupBy by : GroupBy.values()) {
            kinds.add(new Kind<>("top " + by, OutputFormat.JSON, false, w -> new TopReporter(w, by, Metric.BYTES, LISTS)));
        }
        return kinds;
    }

    /** The shipped samples: NSG v1, v2 (with v1 records), VNet, and VNet one record per line. */
    private static final List<Path> SAMPLES = List.of(Path.of("samples/nsg-v1-PT1H.json"), Path.of("samples/nsg-v2-PT1H.json"),
            Path.of("samples/vnet-PT1H.json"), Path.of("core/src/test/resources/logs/vnet-record-per-line.log"));

    private static final List<String> SHARED = List.of("danifitz-azure-nsg-flow-logs-newrelic--PT1H.json",
            "AbhishekGangurdeAdmin-DevReops--PT1H.json", "dimitertodorov-nsg-parser--nsg_flow_events.json",
            "chshin9-CSP451-Milestone3--vnet-PT1H.json", "elastic-integrations--vnet-testdata.json");

    @TestFactory
    Stream<DynamicTest> samplesSplitAtEveryRecordBoundary() {
        return SAMPLES.stream().flatMap(file -> splitAtRecords(file.toString(), TestRows.read(file)));
    }

    @TestFactory
    Stream<DynamicTest> sharedLogsSplitAtEveryRecordBoundary() throws IOException {
        return SharedSamples.orSkipped(() -> SHARED.stream().flatMap(file -> splitAtRecords(file, TestRows.shared(file))));
    }

    private static Stream<DynamicTest> splitAtRecords(String name, List<FlowRow> rows) {
        List<Integer> cuts = boundaries(rows);
        return kinds().stream().map(kind -> DynamicTest.dynamicTest(kind.name() + " on " + name, () -> assertSplits(kind, rows, cuts)));
    }

    /** The storage folder read as one stream: connections whose B is in the h=09 blob end in the h=10 blob. */
    @TestFactory
    Stream<DynamicTest> storageFolderSplitAtFileBoundaries() throws IOException {
        List<FlowRow> rows = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("samples/storage"))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                rows.addAll(TestRows.read(file));
            }
        }
        List<Integer> cuts = boundaries(rows);
        return kinds().stream().map(k -> DynamicTest.dynamicTest(k.name(), () -> assertSplits(k, rows, cuts)));
    }

    @TestFactory
    Stream<DynamicTest> allSharedLogsSplitAtFileBoundaries() throws IOException {
        return SharedSamples.orSkipped(() -> {
            List<FlowRow> rows = new ArrayList<>();
            for (String file : List.of("AbhishekGangurdeAdmin-DevReops--PT1H.json", "danifitz-azure-nsg-flow-logs-newrelic--PT1H.json",
                    "elastic-integrations--vnet-testdata.json", "elastic-integrations--nsg-testdata.json")) {
                rows.addAll(TestRows.shared(file));
            }
            List<Integer> cuts = boundaries(rows);
            return kinds().stream().map(k -> DynamicTest.dynamicTest(k.name(), () -> assertSplits(k, rows, cuts)));
        });
    }

    @TestFactory
    Stream<DynamicTest> syntheticStreamSplitAtEveryRow() {
        List<FlowRow> rows = Synthetic.connections(7, 120);
        List<Integer> cuts = new ArrayList<>();
        for (int i = 0; i <= rows.size(); i++) {
            cuts.add(i);
        }
        return kinds().stream().map(k -> DynamicTest.dynamicTest(k.name(), () -> assertSplits(k, rows, cuts)));
    }

    @TestFactory
    Stream<DynamicTest> threeSlicesMergedLeftToRightOrRightFirst() {
        List<FlowRow> rows = Synthetic.connections(11, 60);
        return kinds().stream().map(k -> DynamicTest.dynamicTest(k.name(), () -> {
            String single = TestRows.run(k.format(), k.multi(), k.make()::apply, rows);
            for (int i = 0; i <= rows.size(); i += 3) {
                for (int j = i; j <= rows.size(); j += 5) {
                    assertThat(threeWay(k, rows, i, j, false)).as("left fold at %d, %d", i, j).isEqualTo(single);
                    assertThat(threeWay(k, rows, i, j, true)).as("right first at %d, %d", i, j).isEqualTo(single);
                }
            }
        }));
    }

    private static <R extends Reporter & Mergeable<R>> String threeWay(Kind<R> k, List<FlowRow> rows, int i, int j,
            boolean rightFirst) {
        StringWriter out = new StringWriter();
        TableSink w = TestRows.writer(k.format(), k.multi(), out);
        R a = feed(k.make().apply(w), rows.subList(0, i));
        R b = feed(a.partial(), rows.subList(i, j));
        R c = feed(a.partial(), rows.subList(j, rows.size()));
        if (rightFirst) {
            b.merge(c);
            a.merge(b);
        } else {
            a.merge(b);
            a.merge(c);
        }
        a.finish(new ReadStats());
        return out.toString();
    }

    /** Row indexes where a new record or file starts, plus both ends. */
    static List<Integer> boundaries(List<FlowRow> rows) {
        List<Integer> cuts = new ArrayList<>(List.of(0));
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).context().recordIndex() != rows.get(i - 1).context().recordIndex()
                    || !rows.get(i).context().source().equals(rows.get(i - 1).context().source())) {
                cuts.add(i);
            }
        }
        cuts.add(rows.size());
        return cuts;
    }

    private static <R extends Reporter & Mergeable<R>> void assertSplits(Kind<R> k, List<FlowRow> rows, List<Integer> cuts) {
        String single = TestRows.run(k.format(), k.multi(), k.make()::apply, rows);
        for (int cut : cuts) {
            StringWriter out = new StringWriter();
            TableSink w = TestRows.writer(k.format(), k.multi(), out);
            R earlier = feed(k.make().apply(w), rows.subList(0, cut));
            R later = feed(earlier.partial(), rows.subList(cut, rows.size()));
            earlier.merge(later);
            earlier.finish(new ReadStats());
            assertThat(out.toString()).as("split at row %d", cut).isEqualTo(single);
        }
    }

    private static <R extends Reporter> R feed(R reporter, List<FlowRow> rows) {
        rows.forEach(reporter::accept);
        return reporter;
    }
}
