package io.nsgflow.model;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;

/**
 * How much input a run read: for {@code summary}, and to tell "something was skipped" from
 * "nothing could be read". Merged across threads with {@link #add}.
 */
public final class ReadStats implements Serializable {
    private static final long serialVersionUID = 1L;

    private long inputs;
    private long inputsOpened;
    private long flowRecords;
    private long tuples;
    private boolean answered;
    private final Map<Problem, Long> problems = new EnumMap<>(Problem.class);

    public void countInput(boolean opened) {
        inputs++;
        if (opened) {
            inputsOpened++;
        }
    }

    public void countRead(long records, long tupleCount) {
        flowRecords += records;
        tuples += tupleCount;
    }

    /** Sets what was skipped, by kind, once the run has read everything. */
    public void setProblems(Map<Problem, Long> counts) {
        problems.clear();
        problems.putAll(counts);
    }

    /** The read made an answer (the reporter was finished); see {@code Pipeline} for when it does. */
    public void markAnswered() {
        answered = true;
    }

    public void add(ReadStats other) {
        answered |= other.answered;
        inputs += other.inputs;
        inputsOpened += other.inputsOpened;
        flowRecords += other.flowRecords;
        tuples += other.tuples;
        other.problems.forEach((kind, n) -> problems.merge(kind, n, Long::sum));
    }

    /** How many problems of each kind made nsgflow skip input, in the enum's order. */
    public Map<Problem, Long> problems() {
        return new EnumMap<>(problems);
    }

    /** Inputs found: files, and standard input if read. */
    public long inputs() {
        return inputs;
    }

    public long inputsOpened() {
        return inputsOpened;
    }

    /** Flow-log records decoded (records of other categories and unsupported versions excluded). */
    public long flowRecords() {
        return flowRecords;
    }

    /** Whether there is an answer; when not, not one flow-log record was read and nothing was written. */
    public boolean answered() {
        return answered;
    }

    /** Tuples read, before filters, including malformed ones. */
    public long tuples() {
        return tuples;
    }
}
