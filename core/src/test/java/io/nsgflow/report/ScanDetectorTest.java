package io.nsgflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.model.FlowRow;
import io.nsgflow.model.Protocol;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scan findings computed from rows: thresholds, the window, what counts as a probe, and merging. */
class ScanDetectorTest {
    private static final long T = 1_700_000_000L;

    @TempDir
    Path tmp;

    private static List<ScanFinding> findings(ScanThresholds thresholds, List<FlowRow> rows) {
        ScansReporter r = new ScansReporter(null, thresholds, null);
        rows.forEach(r::accept);
        return r.findings();
    }

    /** {@code n} denied probes of ports 1..n on one host, {@code step} seconds apart. */
    private static List<FlowRow> vertical(String src, int n, int step) {
        List<FlowRow> rows = new ArrayList<>();
        for (int p = 1; p <= n; p++) {
            rows.add(TestRows.row((T + (long) p * step) + "," + src + ",10.0.0.4,40000," + p + ",T,I,D,B,,,,"));
        }
        return rows;
    }

    @Test
    void exactlyTheThresholdOfPortsIsAVerticalScanOneFewerIsNot() {
        assertThat(findings(ScanThresholds.DEFAULT, vertical("203.0.113.5", 15, 1)))
                .singleElement().satisfies(f -> {
                    assertThat(f.kind()).isEqualTo(ScanKind.VERTICAL);
                    assertThat(f.probes()).isEqualTo(15);
                    assertThat(f.peakPorts()).isEqualTo(15);
                    assertThat(f.hosts()).isEqualTo(1);
                    assertThat(f.denied()).isEqualTo(15);
                    assertThat(f.sample()).hasSize(ScanDetector.SAMPLE).first().isEqualTo(1 << 8 | Protocol.TCP);
                });
        assertThat(findings(ScanThresholds.DEFAULT, vertical("203.0.113.5", 14, 1))).isEmpty();
    }

    @Test
    void probesSpreadWiderThanTheWindowDoNotAddUp() {
        ScanThresholds fiveMinutes = new ScanThresholds(15, 25, 300_000);
        assertThat(findings(fiveMinutes, vertical("203.0.113.5", 30, 60))).isEmpty(); // 6 in any 5 minutes
        assertThat(findings(fiveMinutes, vertical("203.0.113.5", 30, 20))).singleElement()
                .satisfies(f -> assertThat(f.peakPorts()).isEqualTo(16)); // 0, 20, ... 300 s: 16 probes
        assertThat(findings(ScanThresholds.DEFAULT, vertical("203.0.113.5", 30, 60))).singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(ScanKind.VERTICAL));
    }

    @Test
    void answeredTargetsAreNotProbesRefusedOnesAre() {
        List<FlowRow> rows = new ArrayList<>();
        for (int p = 1; p <= 20; p++) { // allowed and answered: a client of 20 services of one host
            rows.add(TestRows.row(T + p + ",10.0.0.9,10.0.0.4,40000," + p + ",T,O,A,E,5,500,4,4000"));
        }
        for (int p = 1; p <= 20; p++) { // allowed, refused: SYN and RST, one packet back
            rows.add(TestRows.row(T + p + ",10.0.0.8,10.0.0.4,40000," + p + ",T,O,A,E,1,60,1,54"));
        }
        for (int p = 1; p <= 20; p++) { // UDP: one datagram back is an answer
            rows.add(TestRows.row(T + p + ",10.0.0.7,10.0.0.4,40000," + p + ",U,O,A,E,1,60,1,90"));
        }
        for (int p = 1; p <= 20; p++) { // version 1: no counters, nobody knows
            rows.add(TestRows.row(T + p + ",10.0.0.6,10.0.0.4,40000," + p + ",T,O,A,"));
        }
        assertThat(findings(ScanThresholds.DEFAULT, rows)).extracting(f -> f.src().toString())
                .containsExactly(new IpKey(0, io.nsgflow.model.IpAddress.v4Lo(0x0A000008)).toString());
    }

    @Test
    void oneHostOnManyPortsAndManyHostsOnOnePortAreVerticalHorizontalAndBothMixed() {
        List<FlowRow> rows = new ArrayList<>();
        for (int h = 1; h <= 30; h++) {
            rows.add(TestRows.row(T + h + ",198.51.100.1,10.0.1." + h + ",40000,3389,T,I,D,B,,,,"));
            for (int p = 1; p <= 20; p++) {
                rows.add(TestRows.row(T + h + ",198.51.100.2,10.0.1." + h + ",40000," + p + ",T,I,D,B,,,,"));
            }
        }
        Map<String, ScanKind> kinds = findings(ScanThresholds.DEFAULT, rows).stream()
                .collect(Collectors.toMap(f -> io.nsgflow.model.IpAddress.toString(f.src().hi(), f.src().lo()), ScanFinding::kind));
        assertThat(kinds).containsExactlyInAnyOrderEntriesOf(Map.of("198.51.100.1", ScanKind.HORIZONTAL, "198.51.100.2", ScanKind.MIXED));
    }

    @Test
    void aSourceLetInOnAnotherPortAfterDenialsIsFlaggedWithThatPort() {
        List<FlowRow> rows = new ArrayList<>(List.of(
                TestRows.row(T + ",198.51.100.9,10.0.0.4,40000,23,T,I,D,B,,,,"),
                TestRows.row((T + 1) + ",198.51.100.9,10.0.0.4,40001,3389,T,I,D,B,,,,"),
                TestRows.row((T + 2) + ",198.51.100.9,10.0.0.4,40002,22,T,I,A,B,,,,"),
                // denied once only: a client's mistake, not a search
                TestRows.row(T + ",198.51.100.10,10.0.0.4,40000,80,T,I,D,B,,,,"),
                TestRows.row((T + 2) + ",198.51.100.10,10.0.0.4,40002,443,T,I,A,B,,,,"),
                // allowed before the denials: not after
                TestRows.row(T + ",198.51.100.11,10.0.0.4,40002,443,T,I,A,B,,,,"),
                TestRows.row((T + 1) + ",198.51.100.11,10.0.0.4,40000,23,T,I,D,B,,,,"),
                TestRows.row((T + 2) + ",198.51.100.11,10.0.0.4,40001,25,T,I,D,B,,,,")));
        assertThat(findings(ScanThresholds.DEFAULT, rows)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isNull();
            assertThat(f.allowedAfterDenied()).containsExactly(22 << 8 | Protocol.TCP);
            assertThat(f.denied()).isEqualTo(2);
            assertThat(f.allowed()).isEqualTo(1);
        });
    }

    /** The scenario's hour read whole, and as two halves merged: the same findings, and only the injected scanners. */
    @Test
    void theScenarioFindsItsScannersAndMergesExactly() throws Exception {
        ScanScenario scenario = ScanScenario.build(14);
        List<FlowRow> whole = TestRows.read(scenario.write(tmp.resolve("whole.json")));
        List<ScanFinding> expected = findings(ScanThresholds.DEFAULT, whole);
        Map<String, ScanFinding> bySource = expected.stream()
                .collect(Collectors.toMap(f -> io.nsgflow.model.IpAddress.toString(f.src().hi(), f.src().lo()), Function.identity()));
        assertThat(bySource.keySet()).containsExactlyInAnyOrder(ScanScenario.VERTICAL, ScanScenario.HORIZONTAL,
                ScanScenario.SLOW, ScanScenario.MIXED);
        assertThat(bySource.get(ScanScenario.VERTICAL).kind()).isEqualTo(ScanKind.VERTICAL);
        assertThat(bySource.get(ScanScenario.VERTICAL).probes()).isEqualTo(199);
        assertThat(bySource.get(ScanScenario.VERTICAL).allowedAfterDenied())
                .containsExactly(22 << 8 | Protocol.TCP, 443 << 8 | Protocol.TCP);
        assertThat(bySource.get(ScanScenario.HORIZONTAL).kind()).isEqualTo(ScanKind.HORIZONTAL);
        assertThat(bySource.get(ScanScenario.HORIZONTAL).hosts()).isEqualTo(60);
        assertThat(bySource.get(ScanScenario.SLOW).kind()).isEqualTo(ScanKind.VERTICAL);
        assertThat(bySource.get(ScanScenario.SLOW).ports()).isEqualTo(50);
        assertThat(bySource.get(ScanScenario.MIXED).kind()).isEqualTo(ScanKind.MIXED);
        assertThat(bySource.get(ScanScenario.MIXED).peakPorts()).isLessThan(15);
        assertThat(bySource.get(ScanScenario.MIXED).peakHosts()).isLessThan(25);
        // a five-minute window, Zeek's: the slow scan hides in it
        assertThat(findings(new ScanThresholds(15, 25, 300_000), whole)).extracting(f -> f.src())
                .doesNotContain(bySource.get(ScanScenario.SLOW).src());

        ScansReporter first = new ScansReporter(null, ScanThresholds.DEFAULT, null);
        ScansReporter second = new ScansReporter(null, ScanThresholds.DEFAULT, null);
        TestRows.read(scenario.write(tmp.resolve("a.json"), 0, 25)).forEach(first::accept);
        TestRows.read(scenario.write(tmp.resolve("b.json"), 25, 60)).forEach(second::accept);
        first.merge(second);
        assertThat(first.findings()).isEqualTo(expected);
    }
}
