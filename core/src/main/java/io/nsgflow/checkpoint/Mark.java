package io.nsgflow.checkpoint;

import io.nsgflow.parse.Shape;
import io.nsgflow.source.FileVersion;
import java.time.Instant;

/**
 * What a checkpoint remembers of one input file: the version read, and how far.
 *
 * @param id         the file's absolute, normalised path: two files of the same name in different folders are two inputs
 * @param hour       the blob's hour from its path ({@code yyyy-MM-ddTHH}), or null
 * @param version    size and modification time when it was read
 * @param headLength how many first bytes {@code headSha256} covers: {@link FileVersion#HEAD}, or {@code offset} when less
 * @param headSha256 SHA-256 of those bytes
 * @param tailSha256 SHA-256 of the {@link FileVersion#TAIL} bytes (or fewer) before {@code offset}; null when offset is 0
 * @param offset     the end of the last complete record read: the next run reads from here
 * @param shape      how its records are laid out; null before the first complete record
 * @param whole      cannot be resumed at a byte offset (gzip, or text not in UTF-8): a change means reading it again from the start
 * @param readAt     when it was last read
 * @param records    records read from it, over all runs
 */
public record Mark(String id, String hour, FileVersion version, int headLength, String headSha256, String tailSha256,
                   long offset, Shape shape, boolean whole, Instant readAt, long records) {

    /** Bytes after the last complete record when the file was last read: a record still being written, or a cut. */
    public long pending() {
        return whole ? 0 : Math.max(0, version.size() - offset);
    }
}
