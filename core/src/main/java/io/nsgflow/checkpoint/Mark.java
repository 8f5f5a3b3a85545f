package io.nsgflow.checkpoint;

import io.nsgflow.parse.Shape;
import io.nsgflow.source.FileVersion;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * What a checkpoint remembers of one input file: the version read, and how far.
 *
 * @param id         the file's absolute, normalised path (two files of the same name in different folders are two
 *                   inputs), or the blob's URL without its query (never a SAS)
 * @param hour       the blob's hour from its path ({@code yyyy-MM-ddTHH}), or null
 * @param version    size and modification time when it was read
 * @param headLength how many first bytes {@code headSha256} covers: {@link FileVersion#HEAD}, or {@code offset} when
 *                   less; 0 for a blob
 * @param headSha256 SHA-256 of those bytes; null for a blob, whose ETag tells its versions apart
 * @param tailSha256 SHA-256 of the {@link FileVersion#TAIL} bytes (or fewer) before {@code offset}; null when offset is 0
 * @param offset     the end of the last complete record read: the next run reads from here
 * @param shape      how its records are laid out; null before the first complete record
 * @param whole      cannot be resumed at a byte offset (gzip, or text not in UTF-8): a change means reading it again from the start
 * @param readAt     when it was last read
 * @param records    records read from it, over all runs
 * @param etag       the blob's ETag when it was read; null for a local file
 */
public record Mark(String id, String hour, FileVersion version, int headLength, String headSha256, String tailSha256,
                   long offset, Shape shape, boolean whole, Instant readAt, long records, String etag) {
    /** Bytes after the last record that may be only the closing brackets: a blob up to them is read to its end. */
    static final int CLOSING_MAX = 16;

    /** Bytes after the last complete record when the file was last read: a record still being written, or a cut. */
    public long pending() {
        return whole ? 0 : Math.max(0, version.size() - offset);
    }

    /** Whether nothing but closing brackets (at most) followed the last record read: no record was left half written. */
    boolean finished() {
        return pending() <= CLOSING_MAX;
    }

    /** The start of the blob's hour, epoch milliseconds, or null when its path names none (or not in the usual digits). */
    Long hourStart() {
        try {
            return hour == null ? null : LocalDateTime.parse(hour + ":00").toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
