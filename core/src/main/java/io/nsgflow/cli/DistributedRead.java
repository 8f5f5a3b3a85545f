package io.nsgflow.cli;

import io.nsgflow.diag.Diagnostics;
import io.nsgflow.model.ReadStats;
import io.nsgflow.report.ReportSpec;
import java.util.List;

/**
 * Reads a command's inputs on other machines (the Spark runner) instead of this process's
 * pipeline. Everything else stays the CLI's: options, checks, the whole reporter, output and exit
 * codes. Only answers merged from partials can be read this way: each worker makes its partials
 * from the same command line ({@link NsgflowCommand#plan}).
 */
public interface DistributedRead {
    /**
     * The workers could not use the command line that the driver accepted (an enrichment file
     * missing on a worker): told as a usage error, in one line.
     */
    final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Where the inputs are read, for messages ("Spark"). */
    String where();

    /**
     * Reads {@code paths} into partials of {@code spec} and merges them into {@code spec.whole()}
     * in input order, telling {@code diagnostics} each input's problems in the same order; does
     * not finish the whole.
     *
     * @return the statistics of every input read
     * @throws Refused when a worker cannot use the command line
     */
    ReadStats read(List<String> paths, ReportSpec<?> spec, Diagnostics diagnostics);
}
