package io.nsgflow.report;

import io.nsgflow.format.Column;
import io.nsgflow.format.TableWriter;
import io.nsgflow.model.FlowContext;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.Problem;
import io.nsgflow.model.ReadStats;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code summary}: the overview of everything read, as several tables: what was read and seen,
 * traffic each way, flows by direction and action and by protocol, the top sources, destinations,
 * destination ports and denied sources, the encryption breakdown when VNet rows are present, and
 * what was skipped and why. Its totals equal the sums of {@code top}'s rows.
 */
public final class SummaryReporter extends CountingReporter<SummaryReporter> {
    /** How many rows each top table has. */
    static final int TOP = 5;
    /** Up to this many names are listed in the overview; more are only counted. */
    static final int NAMES_SHOWN = 5;

    private final Tally total = new Tally();
    private final Traffic ways = new Traffic();
    private final Tallies<Integer> actions = new Tallies<>(Dimension.DIRECTION_ACTION);
    private final Tallies<Integer> protocols = new Tallies<>(Dimension.PROTOCOL);
    private final Tallies<IpKey> sources = new Tallies<>(Dimension.SRC);
    private final Tallies<IpKey> destinations = new Tallies<>(Dimension.DST);
    private final Tallies<Integer> dstPorts = new Tallies<>(Dimension.DST_PORT);
    private final Tallies<IpKey> deniedSources = new Tallies<>(Dimension.SRC);
    private final Tallies<String> encryption = new Tallies<>(Dimension.ENCRYPTION);
    private final Set<String> nsgs = new HashSet<>();
    private final Set<String> rules = new HashSet<>();
    private final Set<String> macs = new HashSet<>();
    private final Set<String> acls = new HashSet<>();
    /** The context whose names are already in the sets: rows come in runs of one context. */
    private FlowContext namesOf;
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;

    public SummaryReporter(TableWriter writer) {
        super(writer);
    }

    private SummaryReporter() {
    }

    @Override
    public SummaryReporter partial() {
        return new SummaryReporter();
    }

    @Override
    void count(FlowRow row, boolean tuple, boolean flow) {
        total.add(row, tuple, flow);
        actions.add(row, tuple, flow);
        protocols.add(row, tuple, flow);
        sources.add(row, tuple, flow);
        destinations.add(row, tuple, flow);
        dstPorts.add(row, tuple, flow);
        if (row.isDenied()) {
            deniedSources.add(row, tuple, flow);
        }
        if (row.encryption() != null) {
            encryption.add(row, tuple, flow);
        }
        if (tuple) {
            ways.add(row);
            first = Math.min(first, row.timeMillis());
            last = Math.max(last, row.timeMillis());
            if (row.context() != namesOf) {
                namesOf = row.context();
                addName(nsgs, namesOf.nsg());
                addName(rules, namesOf.rule());
                addName(macs, namesOf.mac());
                addName(acls, namesOf.aclId());
            }
        }
    }

    private static void addName(Set<String> names, String name) {
        if (name != null) {
            names.add(name);
        }
    }

    @Override
    void mergeCounts(SummaryReporter later) {
        total.add(later.total);
        ways.add(later.ways);
        actions.merge(later.actions);
        protocols.merge(later.protocols);
        sources.merge(later.sources);
        destinations.merge(later.destinations);
        dstPorts.merge(later.dstPorts);
        deniedSources.merge(later.deniedSources);
        encryption.merge(later.encryption);
        nsgs.addAll(later.nsgs);
        rules.addAll(later.rules);
        macs.addAll(later.macs);
        acls.addAll(later.acls);
        first = Math.min(first, later.first);
        last = Math.max(last, later.last);
    }

    @Override
    void write(ReadStats stats) {
        writeOverview(stats);
        writer.startTable("traffic", List.of(Column.text("way"), Column.integer("packets"), Column.integer("bytes")));
        way("srcToDst", ways.packetsSrcToDst, ways.bytesSrcToDst);
        way("dstToSrc", ways.packetsDstToSrc, ways.bytesDstToSrc);
        way("total", total.packets, total.bytes);
        writer.endTable();
        actions.write(writer, "actions", Metric.FLOWS, 0);
        protocols.write(writer, "protocols", Metric.FLOWS, 0);
        sources.write(writer, "topSources", Metric.FLOWS, TOP);
        destinations.write(writer, "topDestinations", Metric.FLOWS, TOP);
        dstPorts.write(writer, "topDstPorts", Metric.FLOWS, TOP);
        deniedSources.write(writer, "topDeniedSources", Metric.FLOWS, TOP);
        if (encryption.size() > 0) {
            encryption.write(writer, "encryption", Metric.FLOWS, 0);
        }
        writer.startTable("skipped", List.of(Column.text("problem"), Column.integer("count")));
        for (Map.Entry<Problem, Long> p : stats.problems().entrySet()) {
            writer.beginRow();
            writer.text(p.getKey().label());
            writer.integer(p.getValue());
            writer.endRow();
        }
        writer.endTable();
    }

    private void writeOverview(ReadStats stats) {
        writer.startTable("overview", List.of(Column.text("item"), Column.integer("count"), Column.text("detail")));
        long unopened = stats.inputs() - stats.inputsOpened();
        item("inputs", stats.inputs(), unopened > 0 ? unopened + " could not be opened" : null);
        item("records", stats.flowRecords(), null);
        item("tuples read", stats.tuples(), null);
        item("tuples", total.tuples, stats.tuples() != total.tuples ? "after filters, without malformed or repeated tuples" : null);
        item("flows", total.flows, total.allowed + " allowed, " + total.denied + " denied");
        item("packets", total.packets, null);
        item("bytes", total.bytes, null);
        CellText text = new CellText();
        item("first", null, first <= last ? text.time(first).toString() : null);
        item("last", null, first <= last ? text.time(last).toString() : null);
        names("nsgs", nsgs);
        names("rules", rules);
        names("macs", macs);
        if (!acls.isEmpty()) {
            names("acls", acls);
        }
        writer.endTable();
    }

    private void names(String item, Set<String> names) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(names));
        String detail = String.join(", ", sorted.subList(0, Math.min(NAMES_SHOWN, sorted.size())));
        if (sorted.size() > NAMES_SHOWN) {
            detail += ", and " + (sorted.size() - NAMES_SHOWN) + " more";
        }
        item(item, (long) names.size(), detail.isEmpty() ? null : detail);
    }

    private void item(String name, Long count, String detail) {
        writer.beginRow();
        writer.text(name);
        if (count == null) {
            writer.nul();
        } else {
            writer.integer(count);
        }
        writer.text(detail);
        writer.endRow();
    }

    private void way(String way, long packets, long bytes) {
        writer.beginRow();
        writer.text(way);
        writer.integer(packets);
        writer.integer(bytes);
        writer.endRow();
    }
}
