package io.nsgflow.cli;

import io.nsgflow.diag.Diagnostics;
import io.nsgflow.model.ReadStats;

/**
 * Every exit status nsgflow returns; the README's table mirrors this class. Its launcher,
 * {@code bin/nsgflow}, adds two of its own before the JVM starts: 69 (no Java 17+, or a clone
 * without Maven) and 73 (a clone's build failed).
 */
public final class ExitCode {
    /** All input was read. */
    public static final int OK = 0;
    /** Finished, but something was skipped (bad tuple, truncated file, unreadable path...). */
    public static final int SKIPPED = 1;
    /** The command line is wrong; nothing was read. */
    public static final int USAGE = 2;
    /** Nothing could be read: no flow-log record from any input. */
    public static final int NOTHING_READ = 3;
    /** The output could not be written (disk full...). A closed pipe ({@code | head}) is not an error. */
    public static final int OUTPUT_FAILED = 4;
    /** The Java heap ran out: the answer holds more distinct keys than fit (see the README's memory figures). */
    public static final int OUT_OF_MEMORY = 5;
    /** A bug in nsgflow; {@code --debug} shows the stack trace. */
    public static final int INTERNAL_ERROR = 70;

    private ExitCode() {
    }

    /** How a run that read its inputs ends: OK, or something skipped, or nothing readable at all. */
    public static int afterReading(Diagnostics diagnostics, ReadStats stats) {
        if (!diagnostics.anyProblem()) {
            return OK;
        }
        return stats.flowRecords() > 0 ? SKIPPED : NOTHING_READ;
    }
}
