package io.nsgflow.checkpoint;

import io.nsgflow.parse.Shape;
import io.nsgflow.source.FileInput;
import io.nsgflow.source.Input;
import io.nsgflow.source.PathMetadata;
import java.io.IOException;
import java.io.InputStream;

/**
 * The part of a file after what an earlier run read: its bytes from {@code offset}, the end of the
 * last complete record, which parse as a fragment of {@code shape} ({@code ,{record}...}, maybe
 * without the closing {@code ]}}).
 */
public record ResumedInput(FileInput file, long offset, Shape shape) implements Input, ResumesAt {
    @Override
    public String name() {
        return file.name();
    }

    @Override
    public PathMetadata meta() {
        return file.meta();
    }

    @Override
    public InputStream open() throws IOException {
        return file.openAt(offset);
    }
}
