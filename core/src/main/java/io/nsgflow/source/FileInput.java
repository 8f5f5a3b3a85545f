package io.nsgflow.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file on a local file system, plain or gzip.
 *
 * @param path the file
 * @param name the path as given or found while walking a folder
 * @param meta what the path says about the blob
 */
public record FileInput(Path path, String name, PathMetadata meta) implements Input {
    public static FileInput of(Path path) {
        String name = LocalPaths.name(path);
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

    @Override
    public boolean seekable() {
        try {
            return !isGzip();
        } catch (IOException e) {
            return false; // open() will say why
        }
    }

    /** The file's bytes from {@code offset} on, as stored (a plain file: only those are read from disk). */
    @Override
    public InputStream openAt(long offset) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        try {
            ch.position(offset);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        return new BufferedInputStream(Channels.newInputStream(ch), Gzip.READ_AHEAD);
    }

    /** True when the file is gzip (by its magic bytes); such a file cannot be resumed at a byte offset. */
    public boolean isGzip() throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return Gzip.startsWithMagic(in);
        }
    }
}
