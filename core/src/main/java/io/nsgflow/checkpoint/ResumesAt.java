package io.nsgflow.checkpoint;

import io.nsgflow.parse.Shape;

/**
 * An input read for a checkpoint from the end of a record an earlier run read: its bytes start at
 * {@link #offset()} and parse as a fragment of {@link #shape()} ({@code ,{record}...}, maybe
 * without the closing {@code ]}}). Both are final once the input is opened: a blob found
 * rewritten when it is opened is read from its start (offset 0, shape null).
 */
public interface ResumesAt {
    long offset();

    Shape shape();
}
