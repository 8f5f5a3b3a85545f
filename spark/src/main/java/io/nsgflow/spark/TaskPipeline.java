package io.nsgflow.spark;

import io.nsgflow.Pipeline;
import io.nsgflow.diag.Diagnostics;
import io.nsgflow.filter.FlowFilter;
import io.nsgflow.report.Reporter;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads one blob through nsgflow's pipeline in a task, exactly as the CLI reads a file. */
final class TaskPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(TaskPipeline.class);

    /** Thrown in the decoder's thread when the task no longer wants rows. */
    static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super(null, null, false, false);
        }
    }

    private TaskPipeline() {
    }

    /**
     * Reads {@code input} into {@code reporter}; returns what the CLI would have written on stderr
     * about it (one problem per line), which is also logged at WARN on the executor.
     */
    static List<String> read(HadoopInput input, FlowFilter filter, Reporter reporter) {
        StringWriter err = new StringWriter();
        Diagnostics diagnostics = new Diagnostics(err, false);
        new Pipeline(filter, diagnostics, InputStream.nullInputStream()).run(List.of(input), reporter);
        List<String> lines = err.toString().lines().toList();
        for (String line : lines) {
            LOG.warn(line);
        }
        return lines;
    }
}
