package io.nsgflow.enrich;

import io.nsgflow.filter.Cidr;
import io.nsgflow.model.IpAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * Longest-prefix lookup over IPv4 and IPv6 prefixes. Built once: the prefixes, which either nest
 * or do not touch, are flattened into sorted disjoint ranges, each pointing at the most specific
 * prefix that contains it; a lookup is one binary search over two arrays of longs (about 17 steps
 * for 100,000 prefixes). A prefix's answer, made from it and every prefix around it, is made the
 * first time an address in it is looked up, not at load: a flow log touches few of the prefixes of
 * a service-tag file. Shared by every thread (see {@link Node#answer}).
 *
 * <p>IPv4 and IPv6 are kept apart, as {@link Cidr} keeps them: {@code ::/0} in a list must not
 * swallow IPv4 addresses, which {@link IpAddress} holds mapped into IPv6.
 *
 * @param <V> the answer for an address
 */
final class PrefixTable<V> {
    private final Ranges<?, V> v4;
    private final Ranges<?, V> v6;

    private PrefixTable(Ranges<?, V> v4, Ranges<?, V> v6) {
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
        private final List<Node<E>> v4 = new ArrayList<>();
        private final List<Node<E>> v6 = new ArrayList<>();

        /** Adds a prefix; the same prefix added again gathers its entries in one place, in order. */
        Builder<E> add(Cidr prefix, E entry) {
            Node<E> node = new Node<>(prefix.hi(), prefix.lo(), prefix.bits());
            node.entries.add(entry);
            (prefix.isV4() ? v4 : v6).add(node);
            return this;
        }

        /**
         * Builds the table. {@code resolve} turns the entries of every prefix that contains an
         * address, most specific (longest) prefix first, into the answer for it; it is called at most
         * once per prefix (rarely twice, when two threads race to the same one first), and must
         * return an immutable value.
         */
        <V> PrefixTable<V> build(Function<List<E>, V> resolve) {
            return new PrefixTable<>(Ranges.flatten(v4, resolve), Ranges.flatten(v6, resolve));
        }
    }

    /** Prefixes by first address, then wider first: the order in which a sweep meets them. */
    @SuppressWarnings("rawtypes")
    private static final Comparator<Node> BY_START_WIDER_FIRST = new Comparator<>() {
        @Override
        public int compare(Node a, Node b) {
            int c = PrefixTable.compare(a.startHi, a.startLo, b.startHi, b.startLo);
            return c != 0 ? c : Integer.compare(a.bits, b.bits);
        }
    };

    /** A prefix as its first and last address, with its entries and, once sorted, its enclosing prefix. */
    private static final class Node<E> {
        final long startHi;
        final long startLo;
        final long endHi;
        final long endLo;
        final int bits;
        final List<E> entries = new ArrayList<>(1);
        Node<E> parent;
        /** Made on first use. Racing threads may both make it; each publishes an immutable value, whole. */
        private Object answer;

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
            Object a = answer;
            if (a == null) {
                List<E> chain = new ArrayList<>();
                for (Node<E> n = this; n != null; n = n.parent) {
                    chain.addAll(n.entries);
                }
                a = resolve.apply(chain);
                answer = a;
            }
            return (V) a;
        }
    }

    /**
     * One family's disjoint ranges: range i starts at {@code startHi[i], startLo[i]}, runs to the
     * next start, and lies in the prefix {@code nodes[i]} (null: in none).
     */
    private static final class Ranges<E, V> {
        private final long[] startHi;
        private final long[] startLo;
        private final Node<E>[] values;
        private final Function<List<E>, V> resolve;

        private Ranges(long[] startHi, long[] startLo, Node<E>[] values, Function<List<E>, V> resolve) {
            this.startHi = startHi;
            this.startLo = startLo;
            this.values = values;
            this.resolve = resolve;
        }

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
            Node<E> node = found < 0 ? null : values[found];
            return node == null ? null : node.answer(resolve);
        }

        /**
         * Sorts the prefixes by first address, wider first, and sweeps them with a stack of the
         * prefixes still open: a range starts where a prefix starts (its answer) and where one ends
         * (the answer of the prefix around it, or none).
         */
        static <E, V> Ranges<E, V> flatten(List<Node<E>> prefixes, Function<List<E>, V> resolve) {
            List<Node<E>> sorted = new ArrayList<>(prefixes);
            sorted.sort(BY_START_WIDER_FIRST); // stable: one prefix's entries stay in the order added
            Out<E> out = new Out<>();
            Deque<Node<E>> open = new ArrayDeque<>();
            Node<E> previous = null;
            for (Node<E> n : sorted) {
                if (previous != null && previous.bits == n.bits && previous.startHi == n.startHi && previous.startLo == n.startLo) {
                    previous.entries.addAll(n.entries); // the same prefix again
                    continue;
                }
                previous = n;
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
            return out.ranges(resolve);
        }

        private static <E> void close(Deque<Node<E>> open, Out<E> out) {
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
    private static final class Out<E> {
        private long[] hi = new long[64];
        private long[] lo = new long[64];
        private final List<Node<E>> nodes = new ArrayList<>();

        void add(long startHi, long startLo, Node<E> node) {
            int last = nodes.size() - 1;
            if (last >= 0 && hi[last] == startHi && lo[last] == startLo) {
                nodes.set(last, node);
                return;
            }
            if (nodes.size() == hi.length) {
                hi = Arrays.copyOf(hi, hi.length * 2);
                lo = Arrays.copyOf(lo, lo.length * 2);
            }
            hi[nodes.size()] = startHi;
            lo[nodes.size()] = startLo;
            nodes.add(node);
        }

        @SuppressWarnings("unchecked") // an array of a generic type: filled from nodes only
        <V> Ranges<E, V> ranges(Function<List<E>, V> resolve) {
            int n = nodes.size();
            return new Ranges<>(Arrays.copyOf(hi, n), Arrays.copyOf(lo, n), nodes.toArray(new Node[0]), resolve);
        }
    }

    private static int compare(long hi1, long lo1, long hi2, long lo2) {
        int c = Long.compareUnsigned(hi1, hi2);
        return c != 0 ? c : Long.compareUnsigned(lo1, lo2);
    }
}
