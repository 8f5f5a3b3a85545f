package io.nsgflow.report;

import io.nsgflow.model.FlowContext;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.ReadStats;
import io.nsgflow.result.Column;
import io.nsgflow.result.TableSchema;
import io.nsgflow.result.TableSink;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code rules}: per NSG (or, in VNet logs, ACL) and rule, the flows it allowed and denied, how
 * many distinct sources and destinations it saw, and every destination port it decided with its
 * flows, busiest first: whether a rule is doing anything, and to what. Rows by flows descending,
 * then NSG, ACL and rule.
 */
public final class RulesReporter extends CountingReporter<RulesReporter> {
    public static final String TABLE = "rules";
    /** The columns; a table that must leave some out keeps the rule, its flows and denials longest. */
    public static final TableSchema SCHEMA = TableSchema.rows(TABLE, List.of(
            Column.text("nsg").priority(1), Column.text("aclId").priority(5).redundantWith("nsg"), Column.text("rule"),
            Column.count("flows"), Column.count("allowed").priority(3), Column.count("denied"),
            Column.count("tuples").priority(6), Column.count("packets").priority(6), Column.bytes("bytes").priority(4),
            Column.count("sources").priority(7), Column.count("destinations").priority(7),
            Column.records("dstPorts", List.of(Column.integer("dstPort"), Column.text("protocol"), Column.count("flows")))
                    .priority(2)));

    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<RuleKey> KEY_ORDER = Comparator.comparing(RuleKey::nsg, TEXT)
            .thenComparing(RuleKey::aclId, TEXT).thenComparing(RuleKey::rule, TEXT);

    private final Map<RuleKey, RuleStats> rules = new HashMap<>();
    /** The group of tuples counted last and its rule's counts: a rule is looked up once a group, not once a tuple. */
    private transient FlowContext lastContext;
    private transient RuleStats lastStats;

    private record RuleKey(String nsg, String aclId, String rule) implements Serializable {
    }

    /**
     * One rule's counts. Its distinct addresses are primitive sets (25 bytes a slot, at most half of
     * them used: about the memory a {@code HashSet} of address objects took, with no object per
     * tuple); those {@code HashSet}s were a quarter of {@code rules}' reading time.
     */
    private static final class RuleStats implements Serializable {
        private static final long serialVersionUID = 2L;

        final Tally tally = new Tally();
        final KeyTable sources = new KeyTable(3);
        final KeyTable destinations = new KeyTable(3);
        final Tallies<Integer> ports = new Tallies<>(Dimension.DST_PORT);

        void merge(RuleStats other) {
            tally.add(other.tally);
            sources.addAll(other.sources);
            destinations.addAll(other.destinations);
            ports.merge(other.ports);
        }
    }

    @Override
    long countedKeys() {
        long keys = rules.size();
        for (RuleStats s : rules.values()) {
            keys += s.sources.size() + s.destinations.size() + s.ports.size();
        }
        return keys;
    }

    public RulesReporter(TableSink writer) {
        super(writer);
    }

    private RulesReporter() {
    }

    @Override
    public RulesReporter partial() {
        return new RulesReporter();
    }

    /** A rule the input names without a tuple is listed, with zero counts: "is this rule doing anything?" "No." */
    @Override
    public void ruleNamed(FlowContext context) {
        rules.computeIfAbsent(key(context), k -> new RuleStats());
    }

    private static RuleKey key(FlowContext context) {
        return new RuleKey(context.nsg(), context.aclId(), context.rule());
    }

    @Override
    void count(FlowRow row, boolean tuple, boolean flow) {
        if (row.context() != lastContext) {
            lastContext = row.context();
            lastStats = rules.computeIfAbsent(key(lastContext), k -> new RuleStats());
        }
        RuleStats stats = lastStats;
        stats.tally.add(row, tuple, flow);
        stats.ports.add(row, tuple, flow);
        if (tuple) {
            stats.sources.add(row.srcHi(), row.srcLo(), 0, 0, 0, 0);
            stats.destinations.add(row.dstHi(), row.dstLo(), 0, 0, 0, 0);
        }
    }

    @Override
    void mergeCounts(RulesReporter later) {
        MergeMaps.into(rules, later.rules, (mine, theirs) -> mine.merge(theirs));
    }

    @Override
    void write(ReadStats stats) {
        writer.startTable(SCHEMA);
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
            writer.beginList();
            for (Map.Entry<Integer, Tally> p : s.ports.ranked(Metric.FLOWS, 0)) {
                s.ports.writeKey(p.getKey(), writer);
                writer.integer(p.getValue().flows);
            }
            writer.endList();
            writer.endRow();
        }
        writer.endTable();
    }
}
