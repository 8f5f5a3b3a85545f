package io.nsgflow.spark;

import io.nsgflow.Pipeline;
import io.nsgflow.cli.NsgflowCommand;
import io.nsgflow.cli.WorkerPlan;
import io.nsgflow.diag.Diagnostics;
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
 * One task of a report on Spark: a blob read by nsgflow's pipeline into a fresh partial of the
 * command's answer, made on the executor from the same command line as the driver's whole (so
 * the filter, the options and the enrichment files are the CLI's). The result travels as bytes of
 * Java serialization whatever {@code spark.serializer} is: a partial holds nsgflow's own types,
 * which only Java serialization is promised to handle.
 */
final class PartialTask {
    /**
     * What reading one blob gave.
     *
     * @param partial  the partial answer, to merge in input order
     * @param stats    how much of the blob was read
     * @param stderr   the lines the CLI would have printed about it, as printed
     * @param problems problems by kind, for the exit code and the summary's skipped table
     * @param warnings warnings printed
     */
    record Result(Reporter partial, ReadStats stats, String stderr, Map<Problem, Long> problems, long warnings)
            implements Serializable {
    }

    private PartialTask() {
    }

    /** Reads {@code blob} into a partial of the answer {@code args} ask for; the result serialized. */
    static byte[] read(String[] args, BlobListing.Blob blob, Configuration conf) {
        WorkerPlan plan = NsgflowCommand.plan(args);
        Reporter partial = plan.spec().partial();
        StringWriter err = new StringWriter();
        Diagnostics diagnostics = new Diagnostics(err, false);
        ReadStats stats = new Pipeline(plan.filter(), diagnostics, InputStream.nullInputStream())
                .readInto(List.of(new HadoopInput(blob, conf)), partial);
        return serialize(new Result(partial, stats, err.toString(), diagnostics.problemCounts(), diagnostics.warningCount()));
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
