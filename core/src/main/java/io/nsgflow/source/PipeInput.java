package io.nsgflow.source;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A path named on the command line that is neither a regular file nor a folder: a named pipe,
 * process substitution ({@code <(gunzip -c x.gz)}, a {@code /dev/fd/N}), {@code /dev/stdin}.
 * Read like standard input: once, from the start, with no size and nothing to resume from.
 *
 * @param path the path
 * @param name the path as given
 */
public record PipeInput(Path path, String name) implements Input {
    @Override
    public PathMetadata meta() {
        return PathMetadata.NONE;
    }

    @Override
    public InputStream open() throws IOException {
        // not Files.newInputStream: its available() asks the channel's size, an "Illegal seek" on a pipe
        return Gzip.decompressIfGzip(new FileInputStream(path.toFile()));
    }
}
