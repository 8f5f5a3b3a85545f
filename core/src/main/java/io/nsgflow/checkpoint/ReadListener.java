package io.nsgflow.checkpoint;

import io.nsgflow.parse.RecordReader;
import io.nsgflow.source.Input;

/**
 * Told, for each input read with a checkpoint, where its last complete record ends: where the
 * next run starts. Called from the reading thread, once per input opened.
 */
public interface ReadListener {
    /**
     * @param end     the end of the last complete record, or null when none was complete
     * @param records flow-log records read from the input
     */
    void read(Input input, RecordReader.End end, long records);
}
