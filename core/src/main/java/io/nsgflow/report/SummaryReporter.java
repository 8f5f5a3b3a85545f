package io.nsgflow.report;

import io.nsgflow.enrich.Enricher;
import io.nsgflow.model.FlowContext;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.Problem;
import io.nsgflow.model.ReadStats;
import io.nsgflow.result.Column;
import io.nsgflow.result.ColumnType;
import io.nsgflow.result.TableSchema;
import io.nsgflow.result.TableSchema.Kind;
import io.nsgflow.result.TableSink;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code summary}: the overview of everything read, as several tables: what was read and seen
 * (one record), traffic each way, flows by direction and action and by protocol, the sources,
 * destinations, destination ports and denied sources ranked by flows, the encryption breakdown
 * (VNet rows), and what was skipped and why. Its totals equal the sums of {@code top}'s rows.
 * The rankings are written whole; {@code --limit} (5 by default) says how many rows are shown.
 */
public final class SummaryReporter extends CountingReporter<SummaryReporter> {
    public static final String OVERVIEW = "overview";
    static final TableSchema OVERVIEW_TABLE = new TableSchema(OVERVIEW, List.of(
            Column.count("inputs"), Column.count("unreadableInputs"), Column.count("records"), Column.count("tuplesRead"),
            Column.count("flows"), Column.count("allowed"), Column.count("denied"), Column.count("tuples"),
            Column.count("packets"), Column.bytes("bytes"), Column.instant("first"), Column.instant("last"),
            Column.values("nsgs", ColumnType.TEXT), Column.values("rules", ColumnType.TEXT),
            Column.values("macs", ColumnType.TEXT), Column.values("acls", ColumnType.TEXT)), Kind.RECORD);
    static final TableSchema TRAFFIC = new TableSchema("traffic",
            List.of(Column.text("way"), Column.count("packets"), Column.bytes("bytes")), Kind.BREAKDOWN);
    static final TableSchema SKIPPED = new TableSchema("skipped",
            List.of(Column.text("problem"), Column.count("count")), Kind.BREAKDOWN);
    static final TableSchema ACTIONS = breakdown("actions", Dimension.DIRECTION_ACTION);
    static final TableSchema PROTOCOLS = breakdown("protocols", Dimension.PROTOCOL);
    static final TableSchema TOP_SOURCES = TableSchema.rows("topSources", Tallies.columns(Dimension.SRC));
    static final TableSchema TOP_DESTINATIONS = TableSchema.rows("topDestinations", Tallies.columns(Dimension.DST));
    static final TableSchema TOP_DST_PORTS = TableSchema.rows("topDstPorts", Tallies.columns(Dimension.DST_PORT));
    static final TableSchema TOP_DENIED_SOURCES = TableSchema.rows("topDeniedSources", Tallies.columns(Dimension.SRC));
    static final TableSchema ENCRYPTION = breakdown("encryption", Dimension.ENCRYPTION);
    /** Every table, in the order they are written. */
    public static final List<TableSchema> TABLES = List.of(OVERVIEW_TABLE, TRAFFIC, ACTIONS, PROTOCOLS, TOP_SOURCES,
            TOP_DESTINATIONS, TOP_DST_PORTS, TOP_DENIED_SOURCES, ENCRYPTION, SKIPPED);
    /** With enrichment: flows by where they run (internal, inbound from the internet, Azure platform...). */
    static final TableSchema TRAFFIC_CLASSES = breakdown("trafficClasses", Dimension.TRAFFIC_CLASS);
    /** With lists: every address in one, each side apart, one row per list: the "malicious IP" view. */
    static final TableSchema LIST_MATCHES = TableSchema.rows("listMatches", concat(List.of(Column.text("list"),
            Column.address("address"), Column.text("side")), Tally.COLUMNS));

    private final Tally total = new Tally();
    private final Traffic ways = new Traffic();
    private final Tallies<Integer> actions = new Tallies<>(Dimension.DIRECTION_ACTION);
    private final Tallies<Integer> protocols = new Tallies<>(Dimension.PROTOCOL);
    private final Tallies<IpKey> sources = new Tallies<>(Dimension.SRC);
    private final Tallies<IpKey> destinations = new Tallies<>(Dimension.DST);
    private final Tallies<Integer> dstPorts = new Tallies<>(Dimension.DST_PORT);
    private final Tallies<IpKey> deniedSources = new Tallies<>(Dimension.SRC);
    private final Tallies<String> encryption = new Tallies<>(Dimension.ENCRYPTION);
    /** Null without enrichment. */
    private final transient Enricher enricher;
    private final Tallies<Integer> trafficClasses = new Tallies<>(Dimension.TRAFFIC_CLASS);
    private final Set<String> nsgs = new HashSet<>();
    private final Set<String> rules = new HashSet<>();
    private final Set<String> macs = new HashSet<>();
    private final Set<String> acls = new HashSet<>();

    @Override
    long countedKeys() {
        return sources.size() + destinations.size() + dstPorts.size() + deniedSources.size() + nsgs.size() + rules.size()
                + macs.size() + acls.size();
    }
    /** The context whose names are already in the sets: rows come in runs of one context. */
    private FlowContext namesOf;
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;

    /** @param enricher adds the traffic classes and, with lists, the list matches; null for neither */
    public SummaryReporter(TableSink writer, Enricher enricher) {
        super(writer);
        this.enricher = enricher;
    }

    /** The tables written with this enrichment, in order. */
    public static List<TableSchema> tables(Enricher enricher) {
        if (enricher == null) {
            return TABLES;
        }
        List<TableSchema> tables = new ArrayList<>(TABLES);
        tables.add(tables.indexOf(ACTIONS), TRAFFIC_CLASSES);
        if (!enricher.listNames().isEmpty()) {
            tables.add(tables.indexOf(SKIPPED), LIST_MATCHES);
        }
        return List.copyOf(tables);
    }

    private static List<Column> concat(List<Column> a, List<Column> b) {
        List<Column> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** A partial: counts, writes nothing; the traffic classes are counted in it too. */
    private SummaryReporter(Enricher enricher) {
        this.enricher = enricher;
    }

    @Override
    public SummaryReporter partial() {
        return new SummaryReporter(enricher);
    }

    private static TableSchema breakdown(String name, Dimension<?> dimension) {
        return new TableSchema(name, Tallies.columns(dimension), Kind.BREAKDOWN);
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
        if (enricher != null) {
            trafficClasses.add(row, tuple, flow);
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
        trafficClasses.merge(later.trafficClasses);
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
        writer.startTable(TRAFFIC);
        way("srcToDst", ways.packetsSrcToDst, ways.bytesSrcToDst);
        way("dstToSrc", ways.packetsDstToSrc, ways.bytesDstToSrc);
        way("total", total.packets, total.bytes);
        writer.endTable();
        if (enricher != null) {
            trafficClasses.write(writer, TRAFFIC_CLASSES, Metric.FLOWS);
        }
        actions.write(writer, ACTIONS, Metric.FLOWS);
        protocols.write(writer, PROTOCOLS, Metric.FLOWS);
        sources.write(writer, TOP_SOURCES, Metric.FLOWS);
        destinations.write(writer, TOP_DESTINATIONS, Metric.FLOWS);
        dstPorts.write(writer, TOP_DST_PORTS, Metric.FLOWS);
        deniedSources.write(writer, TOP_DENIED_SOURCES, Metric.FLOWS);
        encryption.write(writer, ENCRYPTION, Metric.FLOWS);
        if (enricher != null && !enricher.listNames().isEmpty()) {
            writeListMatches();
        }
        writer.startTable(SKIPPED);
        for (Map.Entry<Problem, Long> p : stats.problems().entrySet()) {
            writer.beginRow();
            writer.text(p.getKey().label());
            writer.integer(p.getValue());
            writer.endRow();
        }
        writer.endTable();
    }

    /** One match: a list, an address in it, the side it was seen on, and that address's counts there. */
    private record ListMatch(String list, IpKey address, String side, Tally tally) {
    }

    /** Looks up every distinct source and destination once: the tallies already hold each address's counts. */
    private void writeListMatches() {
        List<ListMatch> matches = new ArrayList<>();
        matchLists(sources, "src", matches);
        matchLists(destinations, "dst", matches);
        matches.sort(Comparator.comparing(ListMatch::list)
                .thenComparing(m -> -m.tally().flows).thenComparing(ListMatch::address).thenComparing(ListMatch::side));
        writer.startTable(LIST_MATCHES);
        for (ListMatch m : matches) {
            writer.beginRow();
            writer.text(m.list());
            writer.address(m.address().hi(), m.address().lo());
            writer.text(m.side());
            m.tally().write(writer);
            writer.endRow();
        }
        writer.endTable();
    }

    private void matchLists(Tallies<IpKey> byAddress, String side, List<ListMatch> into) {
        for (Map.Entry<IpKey, Tally> e : byAddress.ranked(Metric.FLOWS, 0)) {
            for (String list : enricher.lookup(e.getKey().hi(), e.getKey().lo()).lists()) {
                into.add(new ListMatch(list, e.getKey(), side, e.getValue()));
            }
        }
    }

    private void writeOverview(ReadStats stats) {
        writer.startTable(OVERVIEW_TABLE);
        writer.beginRow();
        writer.integer(stats.inputs());
        writer.integer(stats.inputs() - stats.inputsOpened());
        writer.integer(stats.flowRecords());
        writer.integer(stats.tuples());
        for (Metric m : Metric.values()) {
            writer.integer(m.of(total));
        }
        if (first <= last) {
            writer.instant(first);
            writer.instant(last);
        } else {
            writer.nul();
            writer.nul();
        }
        names(nsgs);
        names(rules);
        names(macs);
        names(acls);
        writer.endRow();
        writer.endTable();
    }

    private void names(Set<String> names) {
        writer.beginList();
        for (String name : new TreeSet<>(names)) {
            writer.text(name);
        }
        writer.endList();
    }

    private void way(String way, long packets, long bytes) {
        writer.beginRow();
        writer.text(way);
        writer.integer(packets);
        writer.integer(bytes);
        writer.endRow();
    }
}
