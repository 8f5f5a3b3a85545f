package io.nsgflow.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file on a local file system, plain or gzip.
 *
 * @param path the file
 * @param name the path as given or found while walking a folder
 * @param meta what the path says about the blob
 */
public record FileInput(Path path, String name, PathMetadata meta) implements Input {
    public static FileInput of(Path path) {
        String name = path.toString();
        return new FileInput(path, name, PathMetadata.of(name));
    }

    @Override
    public long size() {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return -1; // open() will say why
        }
    }

    @Override
    public InputStream open() throws IOException {
        return Gzip.decompressIfGzip(Files.newInputStream(path));
    }
}
