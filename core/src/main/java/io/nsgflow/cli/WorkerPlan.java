package io.nsgflow.cli;

import io.nsgflow.filter.FlowFilter;
import io.nsgflow.report.ReportSpec;

/**
 * What a worker of a {@link DistributedRead} needs to read its share of the input as the command
 * would: the rows' filter, and the answer whose partials it fills.
 */
public record WorkerPlan(FlowFilter filter, ReportSpec<?> spec) {
}
