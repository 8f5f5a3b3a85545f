package io.nsgflow.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;

/**
 * A path the user named or a walk met that permission keeps us from reading: a file in a folder
 * we may not enter, a file we may not read, a sub-folder we may not list. It stays an input, so
 * that it is counted among the inputs (summary's {@code unreadableInputs}) and reported in its
 * turn as {@code open: permission denied}, never mistaken for a missing file.
 *
 * @param name   the path as given or found
 * @param meta   what the path says about the blob, so that filters treat it as they would the file
 * @param denied why it cannot be read
 */
public record DeniedInput(String name, PathMetadata meta, AccessDeniedException denied) implements Input {
    static DeniedInput of(String name, AccessDeniedException denied) {
        return new DeniedInput(name, PathMetadata.of(name), denied);
    }

    @Override
    public InputStream open() throws IOException {
        throw denied;
    }
}
