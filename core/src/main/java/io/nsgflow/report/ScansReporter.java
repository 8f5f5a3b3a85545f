package io.nsgflow.report;

import io.nsgflow.enrich.AddressInfo;
import io.nsgflow.enrich.Enricher;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.Protocol;
import io.nsgflow.model.ReadStats;
import io.nsgflow.result.Column;
import io.nsgflow.result.TableSchema;
import io.nsgflow.result.TableSink;
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
    private static final List<Column> PORT = List.of(Column.integer("port"), Column.text("protocol"));

    private final TableSink writer;
    private final ScanDetector detector;
    private final Enricher enricher;
    private final List<AddressField> enriched;
    private final ScanTargets targets = new ScanTargets();

    @Override
    public long keysHeld() {
        return targets.size();
    }

    /** @param enricher adds what is known of each source (see {@link #enriched}); null for nothing */
    public ScansReporter(TableSink writer, ScanThresholds thresholds, Enricher enricher) {
        this.writer = writer;
        this.detector = new ScanDetector(thresholds);
        this.enricher = enricher;
        this.enriched = enriched(enricher);
    }

    /** The source's fields the loaded files can fill; its region and tag say little of a scanner and are left out. */
    private static List<AddressField> enriched(Enricher enricher) {
        return enricher == null ? List.of() : AddressField.available(enricher, List.of(AddressField.CLASS, AddressField.COUNTRY, AddressField.ASN,
                AddressField.ORG, AddressField.TAG, AddressField.LISTS));
    }

    /** The table, with the enrichment columns that {@code enricher} can fill. */
    public static TableSchema schema(Enricher enricher) {
        List<Column> columns = new ArrayList<>(List.of(Column.address("src"), Column.text("kind"), Column.count("ports"),
                Column.count("hosts"), Column.count("probes").priority(2), Column.count("peakPorts").priority(5),
                Column.count("peakHosts").priority(5), Column.count("deniedTuples").priority(3),
                Column.count("allowedTuples").priority(3), Column.instant("first").priority(4),
                Column.instant("last").priority(4), Column.records("samplePorts", PORT).priority(6),
                Column.records("allowedAfterDenied", PORT)));
        for (AddressField f : enriched(enricher)) { // the lists first of all: a known scanner is the news
            columns.add(f.column("src").priority(f == AddressField.LISTS ? 1 : 3));
        }
        return TableSchema.rows(TABLE, columns);
    }

    @Override
    public ScansReporter partial() {
        return new ScansReporter(null, new ScanThresholds(0, 0, 0), null); // counts only: judged and written by the whole
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
        writer.startTable(schema(enricher));
        for (ScanFinding f : findings()) {
            writer.beginRow();
            writer.address(f.src().hi(), f.src().lo());
            if (f.kind() == null) {
                writer.nul();
            } else {
                writer.text(f.kind().label());
            }
            writer.integer(f.ports());
            writer.integer(f.hosts());
            writer.integer(f.probes());
            writer.integer(f.peakPorts());
            writer.integer(f.peakHosts());
            writer.integer(f.denied());
            writer.integer(f.allowed());
            writer.instant(f.first());
            writer.instant(f.last());
            ports(f.sample());
            ports(f.allowedAfterDenied());
            if (!enriched.isEmpty()) {
                AddressInfo info = enricher.lookup(f.src().hi(), f.src().lo());
                for (AddressField field : enriched) {
                    field.write(info, writer);
                }
            }
            writer.endRow();
        }
        writer.endTable();
        writer.finish();
    }

    private void ports(List<Integer> portProtocols) {
        writer.beginList();
        for (int pp : portProtocols) {
            writer.integer(pp >>> 8);
            writer.text(Protocol.name(pp & 0xFF));
        }
        writer.endList();
    }
}
