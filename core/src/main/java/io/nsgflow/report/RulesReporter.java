package io.nsgflow.report;

import io.nsgflow.format.Column;
import io.nsgflow.format.TableWriter;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.Protocol;
import io.nsgflow.model.ReadStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code rules}: per NSG (or, in VNet logs, ACL) and rule, the flows it allowed and denied, how
 * many distinct sources and destinations it saw, and its busiest destination ports: whether a
 * rule is doing anything, and to what. Rows by flows descending, then NSG, ACL and rule.
 */
public final class RulesReporter extends CountingReporter<RulesReporter> {
    public static final String TABLE = "rules";
    /** How many destination ports the {@code topDstPorts} cell names. */
    static final int PORTS_SHOWN = 3;

    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<RuleKey> KEY_ORDER = Comparator.comparing(RuleKey::nsg, TEXT)
            .thenComparing(RuleKey::aclId, TEXT).thenComparing(RuleKey::rule, TEXT);

    private final Map<RuleKey, RuleStats> rules = new HashMap<>();

    private record RuleKey(String nsg, String aclId, String rule) {
    }

    /** One rule's counts; its address sets cost about 70 bytes per distinct address. */
    private static final class RuleStats {
        final Tally tally = new Tally();
        final Set<IpKey> sources = new HashSet<>();
        final Set<IpKey> destinations = new HashSet<>();
        final Tallies<Integer> ports = new Tallies<>(Dimension.DST_PORT);

        void merge(RuleStats other) {
            tally.add(other.tally);
            sources.addAll(other.sources);
            destinations.addAll(other.destinations);
            ports.merge(other.ports);
        }
    }

    public RulesReporter(TableWriter writer) {
        super(writer);
    }

    private RulesReporter() {
    }

    @Override
    public RulesReporter partial() {
        return new RulesReporter();
    }

    @Override
    void count(FlowRow row, boolean tuple, boolean flow) {
        RuleKey key = new RuleKey(row.context().nsg(), row.context().aclId(), row.context().rule());
        RuleStats stats = rules.computeIfAbsent(key, k -> new RuleStats());
        stats.tally.add(row, tuple, flow);
        stats.ports.add(row, tuple, flow);
        if (tuple) {
            stats.sources.add(new IpKey(row.srcHi(), row.srcLo()));
            stats.destinations.add(new IpKey(row.dstHi(), row.dstLo()));
        }
    }

    @Override
    void mergeCounts(RulesReporter later) {
        MergeMaps.into(rules, later.rules, (mine, theirs) -> mine.merge(theirs));
    }

    @Override
    void write(ReadStats stats) {
        List<Column> columns = new ArrayList<>(List.of(Column.text("nsg"), Column.text("aclId"), Column.text("rule")));
        columns.addAll(Tally.COLUMNS);
        columns.addAll(List.of(Column.integer("sources"), Column.integer("destinations"), Column.text("topDstPorts")));
        writer.startTable(TABLE, columns);
        List<Map.Entry<RuleKey, RuleStats>> rows = new ArrayList<>(rules.entrySet());
        rows.sort(Comparator.<Map.Entry<RuleKey, RuleStats>>comparingLong(e -> -e.getValue().tally.flows)
                .thenComparing(Map.Entry::getKey, KEY_ORDER));
        for (Map.Entry<RuleKey, RuleStats> e : rows) {
            RuleKey k = e.getKey();
            RuleStats s = e.getValue();
            writer.beginRow();
            writer.text(k.nsg());
            writer.text(k.aclId());
            writer.text(k.rule());
            s.tally.write(writer);
            writer.integer(s.sources.size());
            writer.integer(s.destinations.size());
            writer.text(topPorts(s.ports));
            writer.endRow();
        }
        writer.endTable();
    }

    /** {@code 443/TCP 120, 80/TCP 3}: the busiest destination ports with their flows. */
    private static String topPorts(Tallies<Integer> ports) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Integer, Tally> p : ports.ranked(Metric.FLOWS, PORTS_SHOWN)) {
            int key = p.getKey();
            sb.append(sb.length() == 0 ? "" : ", ").append(PortKey.port(key)).append('/')
                    .append(Protocol.name(PortKey.protocol(key)))
                    .append(' ').append(p.getValue().flows);
        }
        return sb.toString();
    }
}
