package io.nsgflow.enrich;

import io.nsgflow.filter.Cidr;
import io.nsgflow.model.IpAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Longest-prefix lookup over IPv4 and IPv6 prefixes. Built once: the prefixes, which either nest
 * or do not touch, are flattened into sorted disjoint ranges, each holding the answer for every
 * prefix that contains it; a lookup is one binary search over two arrays of longs (about 17 steps
 * for 100,000 prefixes), with no object made. Immutable, so every thread shares one table.
 *
 * <p>IPv4 and IPv6 are kept apart, as {@link Cidr} keeps them: {@code ::/0} in a list must not
 * swallow IPv4 addresses, which {@link IpAddress} holds mapped into IPv6.
 *
 * @param <V> the answer for an address
 */
final class PrefixTable<V> {
    private final Ranges<V> v4;
    private final Ranges<V> v6;

    private PrefixTable(Ranges<V> v4, Ranges<V> v6) {
        this.v4 = v4;
        this.v6 = v6;
    }

    /** The answer for the address, or null when no prefix contains it. */
    V get(long hi, long lo) {
        return (IpAddress.isV4(hi, lo) ? v4 : v6).get(hi, lo);
    }

    /** How many disjoint ranges the prefixes became, both families together. */
    int ranges() {
        return v4.values.length + v6.values.length;
    }

    /**
     * Collects prefixes with what each stands for.
     *
     * @param <E> what a prefix stands for (a service tag, a list name, an address class)
     */
    static final class Builder<E> {
        private final Map<Key, Node<E>> v4 = new HashMap<>();
        private final Map<Key, Node<E>> v6 = new HashMap<>();

        /** Adds a prefix; the same prefix added again gathers its entries in one place, in order. */
        Builder<E> add(Cidr prefix, E entry) {
            Map<Key, Node<E>> family = prefix.isV4() ? v4 : v6;
            family.computeIfAbsent(new Key(prefix.hi(), prefix.lo(), prefix.bits()), k -> new Node<>(k.hi, k.lo, k.bits))
                    .entries.add(entry);
            return this;
        }

        private record Key(long hi, long lo, int bits) {
        }

        /**
         * Builds the table. {@code resolve} turns the entries of every prefix that contains a range,
         * most specific (longest) prefix first, into that range's answer; it is called once per
         * distinct chain of prefixes, not per range.
         */
        <V> PrefixTable<V> build(Function<List<E>, V> resolve) {
            return new PrefixTable<>(Ranges.flatten(v4.values(), resolve), Ranges.flatten(v6.values(), resolve));
        }
    }

    /** A prefix as its first and last address, with its entries and, once sorted, its enclosing prefix. */
    private static final class Node<E> {
        final long startHi;
        final long startLo;
        final long endHi;
        final long endLo;
        final int bits;
        final List<E> entries = new ArrayList<>(1);
        Node<E> parent;
        Object answer;
        boolean resolved;

        Node(long hi, long lo, int bits) {
            long maskHi = bits >= 64 ? -1L : bits == 0 ? 0 : -1L << (64 - bits);
            long maskLo = bits <= 64 ? 0 : bits == 128 ? -1L : -1L << (128 - bits);
            this.startHi = hi;
            this.startLo = lo;
            this.endHi = hi | ~maskHi;
            this.endLo = lo | ~maskLo;
            this.bits = bits;
        }

        @SuppressWarnings("unchecked") // answers are only ever made by the one resolve function
        <V> V answer(Function<List<E>, V> resolve) {
            if (!resolved) {
                List<E> chain = new ArrayList<>();
                for (Node<E> n = this; n != null; n = n.parent) {
                    chain.addAll(n.entries);
                }
                answer = resolve.apply(chain);
                resolved = true;
            }
            return (V) answer;
        }
    }

    /** One family's disjoint ranges: each starts at {@code starts[i]} and runs to the next start. */
    private static final class Ranges<V> {
        private final long[] startHi;
        private final long[] startLo;
        private final Object[] values;

        private Ranges(long[] startHi, long[] startLo, Object[] values) {
            this.startHi = startHi;
            this.startLo = startLo;
            this.values = values;
        }

        @SuppressWarnings("unchecked")
        V get(long hi, long lo) {
            int low = 0;
            int high = values.length - 1;
            int found = -1;
            while (low <= high) { // the last range that starts at or before the address
                int mid = (low + high) >>> 1;
                int c = compare(startHi[mid], startLo[mid], hi, lo);
                if (c <= 0) {
                    found = mid;
                    low = mid + 1;
                } else {
                    high = mid - 1;
                }
            }
            return found < 0 ? null : (V) values[found];
        }

        /**
         * Sorts the prefixes by first address, wider first, and sweeps them with a stack of the
         * prefixes still open: a range starts where a prefix starts (its answer) and where one ends
         * (the answer of the prefix around it, or none).
         */
        static <E, V> Ranges<V> flatten(Iterable<Node<E>> prefixes, Function<List<E>, V> resolve) {
            List<Node<E>> sorted = new ArrayList<>();
            prefixes.forEach(sorted::add);
            sorted.sort(Comparator.<Node<E>>comparingLong(n -> n.startHi ^ Long.MIN_VALUE)
                    .thenComparingLong(n -> n.startLo ^ Long.MIN_VALUE).thenComparingInt(n -> n.bits));
            Out<E, V> out = new Out<>(resolve);
            Deque<Node<E>> open = new ArrayDeque<>();
            for (Node<E> n : sorted) {
                while (!open.isEmpty() && compare(open.peek().endHi, open.peek().endLo, n.startHi, n.startLo) < 0) {
                    close(open, out);
                }
                n.parent = open.peek(); // prefixes nest or are apart: the open one around n contains it
                out.add(n.startHi, n.startLo, n);
                open.push(n);
            }
            while (!open.isEmpty()) {
                close(open, out);
            }
            return out.ranges();
        }

        private static <E, V> void close(Deque<Node<E>> open, Out<E, V> out) {
            Node<E> done = open.pop();
            if (done.endHi == -1L && done.endLo == -1L) {
                return; // the end of the address space: nothing follows
            }
            long nextLo = done.endLo + 1;
            long nextHi = nextLo == 0 ? done.endHi + 1 : done.endHi;
            out.add(nextHi, nextLo, open.peek());
        }
    }

    /** The ranges as they are swept, in order; a range that starts where the last one did replaces it. */
    private static final class Out<E, V> {
        private final Function<List<E>, V> resolve;
        private final List<long[]> starts = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();

        Out(Function<List<E>, V> resolve) {
            this.resolve = resolve;
        }

        void add(long hi, long lo, Node<E> node) {
            Object value = node == null ? null : node.answer(resolve);
            int last = values.size() - 1;
            if (last >= 0 && starts.get(last)[0] == hi && starts.get(last)[1] == lo) {
                values.set(last, value);
            } else {
                starts.add(new long[] {hi, lo});
                values.add(value);
            }
        }

        Ranges<V> ranges() {
            long[] hi = new long[starts.size()];
            long[] lo = new long[starts.size()];
            for (int i = 0; i < hi.length; i++) {
                hi[i] = starts.get(i)[0];
                lo[i] = starts.get(i)[1];
            }
            return new Ranges<>(hi, lo, values.toArray());
        }
    }

    private static int compare(long hi1, long lo1, long hi2, long lo2) {
        int c = Long.compareUnsigned(hi1, hi2);
        return c != 0 ? c : Long.compareUnsigned(lo1, lo2);
    }
}
