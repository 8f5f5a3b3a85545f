package io.nsgflow.report;

import io.nsgflow.enrich.AddressInfo;
import io.nsgflow.enrich.Enricher;
import io.nsgflow.format.Column;
import io.nsgflow.format.TableWriter;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.Protocol;
import io.nsgflow.model.ReadStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code scans}: the sources that probed many ports or hosts (see {@link ScanDetector}), and those
 * that were let through after being denied. Every tuple is folded into its source's targets;
 * judging happens once, at the end, so partial reporters merge exactly.
 */
public final class ScansReporter implements Reporter, Mergeable<ScansReporter> {
    public static final String TABLE = "scans";

    private final TableWriter writer;
    private final ScanDetector detector;
    private final Enricher enricher;
    private final ScanTargets targets = new ScanTargets();

    /** @param enricher adds the source's class, country, AS and lists; null for none */
    public ScansReporter(TableWriter writer, ScanThresholds thresholds, Enricher enricher) {
        this.writer = writer;
        this.detector = new ScanDetector(thresholds);
        this.enricher = enricher;
    }

    @Override
    public void accept(FlowRow row) {
        targets.add(row);
    }

    @Override
    public void merge(ScansReporter other) {
        targets.merge(other.targets);
    }

    /** The findings: scanners by unanswered targets, most first, then the sources only let through after denials; ties by address. */
    List<ScanFinding> findings() {
        List<ScanFinding> found = new ArrayList<>();
        for (Map.Entry<IpKey, List<Map.Entry<ScanTargets.Key, ScanTargets.Stats>>> source : targets.bySource().entrySet()) {
            ScanFinding f = detector.judge(source.getKey(), source.getValue());
            if (f != null) {
                found.add(f);
            }
        }
        found.sort(Comparator.comparing((ScanFinding f) -> f.kind() == null)
                .thenComparing(Comparator.comparingInt(ScanFinding::probes).reversed())
                .thenComparing(ScanFinding::src));
        return found;
    }

    @Override
    public void finish(ReadStats stats) {
        List<Column> columns = new ArrayList<>(List.of(Column.text("src"), Column.text("kind"), Column.integer("ports"),
                Column.integer("hosts"), Column.integer("probes"), Column.integer("peakPorts"), Column.integer("peakHosts"),
                Column.integer("denied"), Column.integer("allowed"), Column.text("first"), Column.text("last"),
                Column.text("samplePorts"), Column.text("allowedAfterDenied")));
        if (enricher != null) {
            columns.addAll(List.of(Column.text("srcClass"), Column.text("srcCountry"), Column.text("srcAsn"),
                    Column.text("srcOrg"), Column.text("srcTag"), Column.text("srcLists")));
        }
        writer.startTable(TABLE, columns);
        CellText text = new CellText();
        for (ScanFinding f : findings()) {
            writer.beginRow();
            writer.text(text.ip(f.src().hi(), f.src().lo()));
            writer.text(f.kind() == null ? null : f.kind().label());
            writer.integer(f.ports());
            writer.integer(f.hosts());
            writer.integer(f.probes());
            writer.integer(f.peakPorts());
            writer.integer(f.peakHosts());
            writer.integer(f.denied());
            writer.integer(f.allowed());
            writer.text(text.time(f.first()).toString());
            writer.text(text.time(f.last()).toString());
            writer.text(ports(f.sample()));
            writer.text(f.allowedAfterDenied().isEmpty() ? null : ports(f.allowedAfterDenied()));
            if (enricher != null) {
                AddressInfo info = enricher.lookup(f.src().hi(), f.src().lo());
                writer.text(info.addressClass().label());
                writer.text(info.country());
                writer.text(info.asn() == null ? null : info.asn().toString());
                writer.text(info.org());
                writer.text(info.tag() == null ? null : info.tag().name());
                writer.text(info.lists().isEmpty() ? null : String.join(",", info.lists()));
            }
            writer.endRow();
        }
        writer.endTable();
        writer.finish();
    }

    private static String ports(List<Integer> portProtocols) {
        StringBuilder sb = new StringBuilder();
        for (int pp : portProtocols) {
            sb.append(sb.length() == 0 ? "" : " ").append(pp >>> 8).append('/').append(Protocol.name(pp & 0xFF));
        }
        return sb.toString();
    }
}
