package io.nsgflow.diag;

import io.nsgflow.format.TerminalText;
import io.nsgflow.model.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.EnumMap;
import java.util.Map;

/**
 * Everything nsgflow tells the user about its input, on stderr, one line each. Shared by all
 * threads; lines are written whole. Problems (something was skipped) decide the exit code;
 * warnings (something looks inconsistent but nothing was lost) do not.
 */
public final class Diagnostics {
    /** How many problem lines one input may print before the rest are only counted. */
    public static final int LINES_PER_INPUT = 20;
    /** ANSI "erase to end of line", after a carriage return: the status line's whole width is cleared. */
    private static final String ERASE_TO_END = "\u001b[K";

    private final Writer err;
    private final boolean strict;
    private final Map<Problem, Long> counts = new EnumMap<>(Problem.class);
    private long warnings;
    private boolean statusShown;
    private boolean quiet;
    /** Run before each line is printed, outside the lock; null for nothing. */
    private volatile Runnable beforeEachLine;

    public Diagnostics(Writer err, boolean strict) {
        this.err = err;
        this.strict = strict;
    }

    /**
     * Under {@code --quiet}: warnings and notes (nothing lost, the exit code unchanged) are counted
     * but not printed. Problems, which change the exit code, are always printed.
     */
    public void quiet(boolean quiet) {
        this.quiet = quiet;
    }

    /** Something worth knowing about the answer ("version-1 data has no counters"): unless {@code --quiet}. */
    public void note(String text) {
        if (!quiet) {
            print("note: " + text);
        }
    }

    /** A warning's line, already counted: unless {@code --quiet}. */
    void printWarning(String line) {
        if (!quiet) {
            print(line);
        }
    }

    /** True under {@code --strict}: the first problem stops reading, so inputs are read in order. */
    public boolean strict() {
        return strict;
    }

    /** The problem and warning reporter for one input, named as the user named it. */
    public FileDiagnostics forInput(String name) {
        return new FileDiagnostics(this, name);
    }

    synchronized void count(Problem kind, String line) {
        counts.merge(kind, 1L, Long::sum);
        if (strict) {
            throw new StrictStop(line);
        }
    }

    synchronized void countWarning() {
        warnings++;
    }

    /**
     * Writes one line to stderr and flushes, so diagnostics appear as they happen. Lines quote the
     * input (tuples, file names, parser messages): control characters are escaped, so a hostile
     * file can neither break the one-line-per-problem rule nor send escape sequences to a terminal.
     * Secrets (a SAS signature in a service's message) are masked.
     */
    public void print(String line) {
        Runnable before = beforeEachLine;
        if (before != null) {
            before.run();
        }
        printNow(line);
    }

    /**
     * Runs {@code before} before each line from now on (null: nothing): how rows written on
     * another thread are all out before a line that follows them in the input. It runs outside
     * this object's lock and may throw, and then the line is not printed.
     */
    public void beforeEachLine(Runnable before) {
        beforeEachLine = before;
    }

    private synchronized void printNow(String line) {
        try {
            clearStatus();
            err.write("nsgflow: ");
            err.write(TerminalText.escape(Redaction.redact(line)));
            err.write(System.lineSeparator());
            err.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Draws {@code line} as the one status line at the bottom of a terminal, in place of the last
     * one; a diagnostic printed next clears it first, so lines never mix.
     */
    public synchronized void status(String line) {
        try {
            err.write("\r" + TerminalText.escape(line) + ERASE_TO_END);
            err.flush();
            statusShown = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Erases the status line, if one is drawn. */
    public synchronized void clearStatus() throws IOException {
        if (statusShown) {
            err.write("\r" + ERASE_TO_END);
            err.flush();
            statusShown = false;
        }
    }

    /**
     * Adds what another instance printed and counted while its input was read elsewhere (a Spark
     * task): its lines as they were written, and its counts.
     */
    public synchronized void add(String printed, Map<Problem, Long> problems, long warningCount) {
        try {
            clearStatus();
            err.write(printed);
            err.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        problems.forEach((kind, n) -> counts.merge(kind, n, Long::sum));
        warnings += warningCount;
    }

    public synchronized boolean anyProblem() {
        return !counts.isEmpty();
    }

    /** Problems by kind, in the enum's order. */
    public synchronized Map<Problem, Long> problemCounts() {
        return new EnumMap<>(counts);
    }

    public synchronized long warningCount() {
        return warnings;
    }
}
