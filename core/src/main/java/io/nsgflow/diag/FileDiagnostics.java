package io.nsgflow.diag;

import io.nsgflow.model.Problem;
import java.util.HashSet;
import java.util.Set;

/**
 * Problems and warnings about one input. Prints at most {@link Diagnostics#LINES_PER_INPUT}
 * problem lines and counts the rest, so one bad blob cannot drown the terminal; a message that
 * repeats for many records (a whole file of another log category) is printed once.
 */
public final class FileDiagnostics {
    private final Diagnostics shared;
    private final String input;
    private final Set<String> printedOnce = new HashSet<>();
    private int printed;
    private long hidden;
    private long repeated;

    FileDiagnostics(Diagnostics shared, String input) {
        this.shared = shared;
        this.input = input;
    }

    /** Something was skipped. {@code where} locates it ("byte 1234", "record 3 tuple 7"). */
    public void problem(Problem kind, String where, String reason) {
        String line = input + ": " + where + ": " + reason;
        if (printed < Diagnostics.LINES_PER_INPUT) {
            printed++;
            shared.print(line);
        } else {
            hidden++;
        }
        shared.count(kind, line); // last: in --strict mode it throws, after the line is out
    }

    /**
     * Like {@link #problem}, but a reason already printed for this input is only counted: for
     * conditions that hold for every record of a file.
     */
    public void problemOnce(Problem kind, String where, String reason) {
        if (printedOnce.add(reason)) {
            problem(kind, where, reason);
        } else {
            shared.count(kind, input + ": " + where + ": " + reason);
            repeated++;
        }
    }

    /**
     * Something looks inconsistent, but nothing was skipped. Printed once per input and
     * {@code key}, so a difference that holds for every record is said once.
     */
    public void warning(String key, String message) {
        if (printedOnce.add("warning: " + key)) {
            shared.countWarning();
            shared.printWarning(input + ": warning: " + message);
        }
    }

    /** Prints how many problems were not shown. Call once, after the input is read. */
    public void close() {
        if (hidden > 0) {
            shared.print(input + ": " + hidden + " more problems not shown");
        }
        if (repeated > 0) {
            shared.print(input + ": " + repeated + " more records skipped for the reasons above");
        }
    }
}
