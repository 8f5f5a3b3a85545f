package io.nsgflow.model;

/**
 * How much input a run read: for {@code summary}, and to tell "something was skipped" from
 * "nothing could be read". Merged across threads with {@link #add}.
 */
public final class ReadStats {
    private long inputs;
    private long inputsOpened;
    private long flowRecords;
    private long tuples;

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

    public void add(ReadStats other) {
        inputs += other.inputs;
        inputsOpened += other.inputsOpened;
        flowRecords += other.flowRecords;
        tuples += other.tuples;
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

    /** Tuples read, before filters, including malformed ones. */
    public long tuples() {
        return tuples;
    }
}
