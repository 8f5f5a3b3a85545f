package io.nsgflow.spark;

import io.nsgflow.Pipeline;
import io.nsgflow.cli.DistributedRead;
import io.nsgflow.cli.NsgflowCommand;
import io.nsgflow.cli.WorkerPlan;
import io.nsgflow.diag.Diagnostics;
import io.nsgflow.diag.FileDiagnostics;
import io.nsgflow.model.Problem;
import io.nsgflow.model.ReadStats;
import io.nsgflow.report.Reporter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * One task of a report on Spark: a blob, or a byte range of one, read by nsgflow's pipeline into a
 * fresh partial of the command's answer, made on the executor from the same command line as the
 * driver's whole (so the filter, the options and the enrichment files are the CLI's). The result
 * travels as bytes of Java serialization whatever {@code spark.serializer} is: a partial holds
 * nsgflow's own types, which only Java serialization is promised to handle.
 */
final class PartialTask {
    /**
     * What a task reads.
     *
     * @param piece a blob, or one of its ranges
     * @param rest  null to read just {@code piece}; else read its blob from the piece's range to the
     *              end, this being what comes before that range (known once the ranges before it are)
     */
    record Share(RangePlan.Piece piece, FileDiagnostics.Before rest) implements Serializable {
    }

    /**
     * What reading one share gave.
     *
     * @param partial  the partial answer, to merge in input order
     * @param stats    how much was read
     * @param stderr   the lines the CLI would have printed about it, as printed
     * @param problems problems by kind, for the exit code and the summary's skipped table
     * @param warnings warnings printed
     * @param range    for a range read alone: its records and where it stopped; else null
     */
    record Result(Reporter partial, ReadStats stats, String stderr, Map<Problem, Long> problems, long warnings,
            Pipeline.RangeRead range) implements Serializable {
        /**
         * Whether the read had anything to say. A range's words name records and lines counted from
         * its own start, and its line limit is not the blob's: they only tell that the blob is to
         * be read again from that range on, once what comes before it is known.
         */
        boolean spoke() {
            return !problems.isEmpty() || warnings > 0;
        }
    }

    /** A command line and the plan it made. */
    private record LastPlan(List<String> args, WorkerPlan plan) {
    }

    /** The plan of the last command this executor ran a task of: see {@link #plan}. */
    private static volatile LastPlan lastPlan;

    private PartialTask() {
    }

    /** Reads {@code share} into a partial of the answer {@code args} ask for; the result serialized. */
    static byte[] read(String[] args, Share share, Configuration conf) {
        WorkerPlan plan = plan(args);
        Reporter partial = plan.spec().partial();
        StringWriter err = new StringWriter();
        Diagnostics diagnostics = new Diagnostics(err, false);
        Pipeline pipeline = new Pipeline(plan.filter(), diagnostics, InputStream.nullInputStream());
        RangePlan.Piece piece = share.piece();
        HadoopInput input = new HadoopInput(piece.blob(), conf);
        ReadStats stats = new ReadStats();
        Pipeline.RangeRead range = null;
        if (piece.whole() || share.rest() != null && piece.range() == 0) {
            stats = pipeline.readInto(List.of(input), partial);
        } else if (share.rest() == null) {
            range = pipeline.readRange(input, piece.starts(), piece.range(), diagnostics.forInput(input.name()), partial, stats);
        } else {
            // from this range's start to the end: one range with no later one
            FileDiagnostics blob = diagnostics.forInput(input.name());
            pipeline.readRange(input, new long[] {0, piece.starts()[piece.range()]}, 1, blob.part(share::rest), partial, stats);
            blob.close();
        }
        return serialize(new Result(partial, stats, err.toString(), diagnostics.problemCounts(), diagnostics.warningCount(), range));
    }

    /**
     * The plan {@code args} make, made once per executor for a job's tasks rather than once per task:
     * with enrichment files it costs 60-300 ms (the service tags parsed, the MaxMind databases
     * opened), against a few milliseconds of picocli without. Only the last command's plan is
     * kept, so that a long-lived session running many commands holds one set of tables. A plan is
     * shared safely: its filter and enrichment serve every thread of a CLI read too, and each task
     * fills its own {@link io.nsgflow.report.ReportSpec#partial() partial}.
     */
    static WorkerPlan plan(String[] args) {
        List<String> command = List.of(args);
        LastPlan last = lastPlan;
        if (last != null && last.args().equals(command)) {
            return last.plan();
        }
        WorkerPlan plan;
        try {
            plan = NsgflowCommand.plan(args);
        } catch (RuntimeException e) { // the driver accepted it: this executor lacks something, a file most likely
            throw new DistributedRead.Refused("an executor cannot use the command line: " + e.getMessage()
                    + " (enrichment files must be at that path on every executor: see README, Spark)");
        }
        lastPlan = new LastPlan(command, plan); // two tasks starting at once may both make it: harmless, one is kept
        return plan;
    }

    static byte[] serialize(Result result) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Result deserialize(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (Result) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the driver and the executors run different nsgflow-spark jars", e);
        }
    }
}
