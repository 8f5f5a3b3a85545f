package io.nsgflow.diag;

import io.nsgflow.model.Problem;
import java.util.HashSet;
import java.util.Set;

/**
 * Problems and warnings about one input. Prints at most {@link Diagnostics#LINES_PER_INPUT}
 * problem lines and counts the rest, so one bad blob cannot drown the terminal; a message that
 * repeats for many records (a whole file of another log category) is printed once.
 *
 * <p>An input read in byte ranges on several threads tells its problems through one
 * {@link #part} per range after the first: a part waits, before its first word, until the ranges
 * before it are read, so the lines, their limits and record numbers are those of reading the
 * input whole.
 */
public final class FileDiagnostics {
    /** A range's turn to speak: it comes once every range before it in the input is read. */
    public interface Turn {
        /** Waits for the turn, and says what comes before the range. */
        Before await();
    }

    /**
     * What an input holds before a byte range of it.
     *
     * @param records how many records
     * @param line    the line the range begins on, as reading the input whole counts lines: from
     *                the input's start, or from where that reading last resumed after bad JSON
     */
    public record Before(long records, long line) implements java.io.Serializable {
    }

    private final Diagnostics shared;
    private final String input;
    /** For a part: the input's diagnostics, which it speaks through once its turn has come; else null. */
    private final FileDiagnostics whole;
    private final Turn turn;
    private final Set<String> printedOnce = new HashSet<>();
    private int printed;
    private long hidden;
    private long repeated;

    FileDiagnostics(Diagnostics shared, String input) {
        this(shared, input, null, null);
    }

    private FileDiagnostics(Diagnostics shared, String input, FileDiagnostics whole, Turn turn) {
        this.shared = shared;
        this.input = input;
        this.whole = whole;
        this.turn = turn;
    }

    /** The diagnostics of a later byte range of this input, which speak once {@code turn} comes. */
    public FileDiagnostics part(Turn turn) {
        return new FileDiagnostics(shared, input, this, turn);
    }

    /**
     * The number to name a record by: its index in the input, given its index in the range read
     * ({@code index} itself, unless this is a {@link #part}, which first waits for its turn).
     */
    public long recordNumber(long index) {
        return turn == null ? index : turn.await().records() + index;
    }

    /**
     * The number to name a line by, given its number counted from the start of the range read
     * ({@code line} itself, unless this is a {@link #part}, which first waits for its turn).
     */
    public long lineNumber(long line) {
        return turn == null ? line : turn.await().line() + line - 1;
    }

    /** Something was skipped. {@code where} locates it ("byte 1234", "record 3 tuple 7"). */
    public void problem(Problem kind, String where, String reason) {
        if (whole != null) {
            turn.await();
            whole.problem(kind, where, reason);
            return;
        }
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
        if (whole != null) {
            turn.await();
            whole.problemOnce(kind, where, reason);
            return;
        }
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
        if (whole != null) {
            turn.await();
            whole.warning(key, message);
            return;
        }
        if (printedOnce.add("warning: " + key)) {
            shared.countWarning();
            shared.printWarning(input + ": warning: " + message);
        }
    }

    /** Prints how many problems were not shown. Call once, after the whole input is read (never on a part). */
    public void close() {
        if (hidden > 0) {
            shared.print(input + ": " + hidden + " more problems not shown");
        }
        if (repeated > 0) {
            shared.print(input + ": " + repeated + " more records skipped for the reasons above");
        }
    }
}
