package io.nsgflow.model;

import java.util.function.Consumer;

/**
 * Where decoded tuples go: each row, and the rules a record names without a tuple (Azure lists
 * every rule of an NSG, hit or not), so that "is this rule doing anything?" can be answered "no".
 */
@FunctionalInterface
public interface FlowSink extends Consumer<FlowRow> {
    /** A record names the rule of {@code context} with no tuple under it. */
    default void ruleNamed(FlowContext context) {
    }
}
