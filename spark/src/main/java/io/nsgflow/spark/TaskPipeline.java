package io.nsgflow.spark;

import io.nsgflow.Pipeline;
import io.nsgflow.diag.Diagnostics;
import io.nsgflow.diag.FileDiagnostics;
import io.nsgflow.model.ReadStats;
import io.nsgflow.filter.FlowFilter;
import io.nsgflow.report.Reporter;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads one blob, or a range of one, through nsgflow's pipeline in a task, exactly as the CLI reads a file. */
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
        return read(input, null, filter, reporter);
    }

    /**
     * Reads {@code share} of {@code input} (all of it when null or a whole blob) into
     * {@code reporter}, as {@link #read(HadoopInput, FlowFilter, Reporter)}. A range's lines name
     * records and lines as the CLI does; the line limit is the range's.
     */
    static List<String> read(HadoopInput input, NsgflowScan.BlobPartition share, FlowFilter filter, Reporter reporter) {
        StringWriter err = new StringWriter();
        Diagnostics diagnostics = new Diagnostics(err, false);
        Pipeline pipeline = new Pipeline(filter, diagnostics, InputStream.nullInputStream());
        if (share == null || share.piece().whole()) {
            pipeline.run(List.of(input), reporter);
        } else {
            FileDiagnostics blob = diagnostics.forInput(input.name());
            RangePlan.Piece piece = share.piece();
            pipeline.readRange(input, piece.starts(), piece.range(), piece.range() == 0 ? blob : blob.part(share::before),
                    reporter, new ReadStats());
            blob.close();
            reporter.finish(new ReadStats());
        }
        List<String> lines = err.toString().lines().toList();
        for (String line : lines) {
            LOG.warn(line);
        }
        return lines;
    }
}
