package io.nsgflow.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * What tells one version of a local file from another: its size and modification time, cheap to
 * read for every file on every poll, and, read only when those changed, a hash of its first bytes
 * (a rewrite changes them; an append does not) and of the bytes just before the point it was read
 * to (a rewrite that kept the first record still changes those).
 *
 * @param size     bytes on disk
 * @param modified last modification time
 */
public record FileVersion(long size, Instant modified) {
    /** How many first bytes identify a version: the envelope and most of the first record. */
    public static final int HEAD = 4096;
    /** How many bytes before the read point must be unchanged for an append. */
    public static final int TAIL = 64;

    /** Size and modification time of {@code path}, without opening it. */
    public static FileVersion of(Path path) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
        return new FileVersion(attrs.size(), attrs.lastModifiedTime().toInstant());
    }

    /** Whether the file is exactly as it was: same size, same modification time. */
    public boolean sameAs(FileVersion other) {
        return size == other.size && modified.equals(other.modified);
    }

    /** SHA-256 (hex) of the bytes {@code [from, from + length)} of {@code path}; null when the file is shorter. */
    public static String hash(Path path, long from, int length) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(length);
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            while (bytes.hasRemaining()) {
                if (ch.read(bytes, from + bytes.position()) < 0) {
                    return null;
                }
            }
        }
        return sha256(bytes.array());
    }

    /** SHA-256 (hex) of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
