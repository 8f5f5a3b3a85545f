package io.nsgflow.report;

import io.nsgflow.model.FlowContext;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.FlowSink;
import io.nsgflow.model.ReadStats;
import java.util.List;

/**
 * A command's answer, built from the rows that pass the filters. Lifecycle: {@link #accept} once
 * per row, in input order; then {@link #finish} once, which writes what is left to the
 * {@link io.nsgflow.result.TableSink} the reporter was made with: typed tables, never text. A streaming reporter writes
 * during {@code accept}; an aggregating one holds state and writes it all in {@code finish}.
 */
public interface Reporter extends FlowSink {
    /** The row is the decoder's reused instance: copy what you keep. */
    @Override
    void accept(FlowRow row);

    /**
     * A record names the rule of {@code context} with no tuple under it (Azure lists every rule
     * of an NSG, hit or not); only a report of rules has a use for it.
     */
    @Override
    default void ruleNamed(FlowContext context) {
    }

    /** Writes the result and completes the output. */
    void finish(ReadStats stats);

    /**
     * Called instead of {@link #finish} when reading stops early ({@code --strict}): a streaming
     * reporter completes the output it has begun, so that the rows before the problem reach the
     * user as a well-formed table or document; an aggregating one, whose answer would be partial,
     * writes nothing.
     */
    default void stop() {
    }

    /**
     * The distinct keys (addresses, ports, rules, buckets, open connections...) this answer holds in
     * memory, which is what its memory grows with: said when the heap runs out. Counted without
     * allocating, as it is asked then.
     */
    default long keysHeld() {
        return 0;
    }

    /** What the answer left out or should be read with, for stderr once the input is read; each a sentence. */
    default List<String> notes() {
        return List.of();
    }
}
