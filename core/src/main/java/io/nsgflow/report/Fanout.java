package io.nsgflow.report;

import io.nsgflow.model.FlowContext;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.ReadStats;
import java.util.List;

/**
 * Several reporters fed by one pass over the input: every row goes to each of them, in order, and
 * each finishes into its own writer. Every part merges its own kind, so a fan-out merges part by
 * part and reads in parallel whenever its parts could.
 */
public final class Fanout implements Reporter, Mergeable<Fanout> {
    private final List<Reporter> parts;

    @Override
    public long keysHeld() {
        long keys = 0;
        for (Reporter part : parts) {
            keys += part.keysHeld();
        }
        return keys;
    }

    /** @throws IllegalArgumentException when a part cannot merge partial results */
    public Fanout(List<Reporter> parts) {
        for (Reporter part : parts) {
            if (!(part instanceof Mergeable<?>)) {
                throw new IllegalArgumentException("a fan-out part must be mergeable: " + part.getClass().getSimpleName());
            }
        }
        this.parts = List.copyOf(parts);
    }

    @Override
    public void accept(FlowRow row) {
        for (Reporter part : parts) {
            part.accept(row);
        }
    }

    @Override
    public void ruleNamed(FlowContext context) {
        for (Reporter part : parts) {
            part.ruleNamed(context);
        }
    }

    @Override
    public void finish(ReadStats stats) {
        for (Reporter part : parts) {
            part.finish(stats);
        }
    }

    @Override
    public void stop() {
        for (Reporter part : parts) {
            part.stop();
        }
    }

    /** A fan-out of the parts' partials, in the same order. */
    @Override
    public Fanout partial() {
        return new Fanout(parts.stream().map(part -> (Reporter) ((Mergeable<?>) part).partial()).toList());
    }

    /** Merges part {@code i} of {@code later} into part {@code i} of this one; both were built by one factory. */
    @Override
    @SuppressWarnings("unchecked") // the constructor checked that each part merges, and part i of both is one class
    public void merge(Fanout later) {
        for (int i = 0; i < parts.size(); i++) {
            ((Mergeable<Reporter>) parts.get(i)).merge(later.parts.get(i));
        }
    }
}
