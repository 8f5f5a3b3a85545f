package io.nsgflow.filter;

import io.nsgflow.model.Action;
import io.nsgflow.model.Direction;
import io.nsgflow.model.Encryption;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.FlowState;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The row filters of every command. Different criteria AND together; the values of one
 * criterion (a repeated option, or a comma list) OR together; an excluding criterion drops the
 * rows that match any of its values. Built and validated before any
 * input is read; an empty filter passes everything at the cost of one array check.
 */
public final class FlowFilter implements Predicate<FlowRow> {
    private final List<Predicate<FlowRow>> criteria;

    private FlowFilter(List<Predicate<FlowRow>> criteria) {
        this.criteria = List.copyOf(criteria);
    }

    public static final FlowFilter ALL = new FlowFilter(List.of());

    @Override
    public boolean test(FlowRow row) {
        for (Predicate<FlowRow> c : criteria) {
            if (!c.test(row)) {
                return false;
            }
        }
        return true;
    }

    /** This filter and {@code more}: the rows both keep; {@code more} null keeps this filter as it is. */
    public FlowFilter with(Predicate<FlowRow> more) {
        if (more == null) {
            return this;
        }
        List<Predicate<FlowRow>> all = new ArrayList<>(criteria);
        all.add(more);
        return new FlowFilter(all);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects criteria; each method ignores an empty list (the option was not given). Criteria
     * added through {@link #excluding()} pass the rows that do not match any of their values.
     */
    public static final class Builder {
        private final List<Predicate<FlowRow>> criteria;
        private final boolean exclude;

        private Builder() {
            this(new ArrayList<>(), false);
        }

        private Builder(List<Predicate<FlowRow>> criteria, boolean exclude) {
            this.criteria = criteria;
            this.exclude = exclude;
        }

        /** A builder adding to the same filter, whose criteria keep the rows that match none of their values. */
        public Builder excluding() {
            return new Builder(criteria, true);
        }

        public Builder src(List<Cidr> blocks) {
            return add(blocks, r -> anyContains(blocks, r.srcHi(), r.srcLo()));
        }

        public Builder dst(List<Cidr> blocks) {
            return add(blocks, r -> anyContains(blocks, r.dstHi(), r.dstLo()));
        }

        /** Either side of the flow. */
        public Builder ip(List<Cidr> blocks) {
            return add(blocks, r -> anyContains(blocks, r.srcHi(), r.srcLo()) || anyContains(blocks, r.dstHi(), r.dstLo()));
        }

        /** Either port. */
        public Builder port(List<PortRanges> ports) {
            PortRanges set = PortRanges.union(ports);
            return add(ports, r -> set.contains(r.srcPort()) || set.contains(r.dstPort()));
        }

        public Builder srcPort(List<PortRanges> ports) {
            PortRanges set = PortRanges.union(ports);
            return add(ports, r -> set.contains(r.srcPort()));
        }

        public Builder dstPort(List<PortRanges> ports) {
            PortRanges set = PortRanges.union(ports);
            return add(ports, r -> set.contains(r.dstPort()));
        }

        /** IANA protocol numbers. */
        public Builder protocol(List<Integer> protocols) {
            BitSet set = new BitSet(256);
            protocols.forEach(set::set);
            return add(protocols, r -> set.get(r.protocol()));
        }

        public Builder direction(List<Direction> directions) {
            Set<Direction> set = directions.isEmpty() ? Set.of() : EnumSet.copyOf(directions);
            return add(directions, r -> set.contains(r.direction()));
        }

        public Builder action(List<Action> actions) {
            Set<Action> set = actions.isEmpty() ? Set.of() : EnumSet.copyOf(actions);
            return add(actions, r -> set.contains(r.action()));
        }

        /** Version-1 rows have no state and never match. */
        public Builder state(List<FlowState> states) {
            Set<FlowState> set = states.isEmpty() ? Set.of() : EnumSet.copyOf(states);
            return add(states, r -> r.state() != null && set.contains(r.state()));
        }

        public Builder rule(List<Glob> globs) {
            return add(globs, r -> anyMatches(globs, r.context().rule()));
        }

        public Builder nsg(List<Glob> globs) {
            return add(globs, r -> anyMatches(globs, r.context().nsg()));
        }

        /** MACs as {@link MacAddress#parse} gives them. */
        public Builder mac(List<String> macs) {
            Set<String> set = Set.copyOf(macs);
            return add(macs, r -> set.contains(r.context().mac()));
        }

        /**
         * Encryption values as written ({@code X}, {@code NX_LOCAL_DST}...), or the groups
         * {@code encrypted} ({@code X}) and {@code unencrypted} (every {@code NX} value). NSG rows
         * carry no encryption and never match.
         */
        public Builder encryption(List<String> values) {
            Set<String> set = Set.copyOf(values);
            boolean encrypted = set.contains("encrypted");
            boolean unencrypted = set.contains("unencrypted");
            return add(values, r -> {
                String e = r.encryption();
                return e != null && (set.contains(e)
                        || (encrypted && Encryption.isEncrypted(e)) || (unencrypted && !Encryption.isEncrypted(e)));
            });
        }

        /** Rows from {@code sinceMillis} (included) to {@code untilMillis} (excluded); MIN/MAX for open ends. */
        public Builder time(long sinceMillis, long untilMillis) {
            if (sinceMillis != Long.MIN_VALUE || untilMillis != Long.MAX_VALUE) {
                add(r -> r.timeMillis() >= sinceMillis && r.timeMillis() < untilMillis);
            }
            return this;
        }

        private Builder add(List<?> values, Predicate<FlowRow> criterion) {
            if (!values.isEmpty()) {
                add(criterion);
            }
            return this;
        }

        private void add(Predicate<FlowRow> criterion) {
            criteria.add(exclude ? criterion.negate() : criterion);
        }

        public FlowFilter build() {
            return criteria.isEmpty() ? ALL : new FlowFilter(criteria);
        }
    }

    private static boolean anyContains(List<Cidr> blocks, long hi, long lo) {
        for (Cidr c : blocks) {
            if (c.contains(hi, lo)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyMatches(List<Glob> globs, String name) {
        for (Glob g : globs) {
            if (g.matches(name)) {
                return true;
            }
        }
        return false;
    }
}
