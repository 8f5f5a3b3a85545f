package io.nsgflow.report;

import java.util.Map;
import java.util.function.BiConsumer;

/** Merging keyed partial results: what every mergeable reporter with a map of counts does. */
final class MergeMaps {
    private MergeMaps() {
    }

    /**
     * Adds every entry of {@code from} into {@code into}: a key only in {@code from} takes its
     * value as it is; a key in both has {@code add} fold {@code from}'s value into {@code into}'s.
     */
    static <K, V> void into(Map<K, V> into, Map<K, V> from, BiConsumer<V, V> add) {
        from.forEach((key, value) -> into.merge(key, value, (mine, theirs) -> {
            add.accept(mine, theirs);
            return mine;
        }));
    }
}
