package io.nsgflow.source;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Turns a path on the local file system into inputs: a file as it is, a folder walked recursively
 * (following links, with loops detected) for flow-log blobs, anything else named on its own (a
 * named pipe, {@code <(...)}, {@code /dev/stdin}) read as a stream. Within a folder, blobs are sorted by
 * path, so the order of output never depends on the file system. A path that permission keeps us
 * from reading is a {@link DeniedInput}: counted, and reported as "permission denied" when read.
 */
public final class FileInputs {
    /** Names a walked folder's files must end with; a file named on the command line is always read. */
    private static final List<String> BLOB_SUFFIXES = List.of(".json", ".json.gz", ".jsonl", ".ndjson", ".log", ".gz");

    private FileInputs() {
    }

    /**
     * @param arg        a path as the user typed it
     * @param walkSince  hour folders ({@code y=/m=/d=/h=}) that end at or before this instant are not walked
     * @param unreadable told of each path that cannot be read, with the reason
     */
    static List<Input> resolve(String arg, long walkSince, BiConsumer<String, String> unreadable) {
        Path path = LocalPaths.of(arg);
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (AccessDeniedException e) {
            // a folder on the way may not be entered: the file may well be there, so it is no "no such file"
            return List.of(DeniedInput.of(LocalPaths.name(path), e));
        } catch (IOException e) {
            unreadable.accept(arg, Files.isSymbolicLink(path) ? "broken symbolic link"
                    : e instanceof NoSuchFileException ? "no such file or directory" : reason(e));
            return List.of();
        }
        if (attrs.isDirectory()) {
            return walk(path, walkSince, unreadable);
        } else if (attrs.isRegularFile()) {
            return List.of(FileInput.of(path));
        }
        return List.of(new PipeInput(path, arg)); // named, so meant: a pipe, <(...), /dev/stdin
    }

    private static List<Input> walk(Path root, long walkSince, BiConsumer<String, String> unreadable) {
        // a blob found, or (with its reason) a path met that permission keeps us from reading: an input all the same
        TreeMap<Path, AccessDeniedException> found = new TreeMap<>();
        int[] others = {0};
        boolean[] skipped = {false};
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (walkSince == Long.MIN_VALUE || dir.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    // a folder of a closed hour a checkpoint has settled: nothing in it can be new
                    long[] span = LayoutTime.span(dir.toString().split("[/\\\\]"));
                    if (span != null && span[1] <= walkSince) {
                        skipped[0] = true;
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isSymbolicLink()) {
                        // links are followed, so a link seen as itself points nowhere
                        unreadable.accept(LocalPaths.name(file), "broken symbolic link");
                    } else if (attrs.isRegularFile() && isBlobName(file)) {
                        found.put(file, null);
                    } else if (attrs.isOther() && isBlobName(file)) {
                        // reading a pipe could wait for ever, and a device is no blob: only a path named on its own is read
                        unreadable.accept(file.toString(), "not a regular file (a named pipe or device); skipped in a folder,"
                                + " read only when named on the command line");
                    } else {
                        others[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (e instanceof AccessDeniedException denied) {
                        found.put(file, denied); // a sub-folder that may hold blobs, or a file in a folder we may list but not enter
                    } else {
                        unreadable.accept(LocalPaths.name(file), reason(e));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            unreadable.accept(LocalPaths.name(root), reason(e));
        }
        if (found.isEmpty() && !skipped[0]) {
            // a folder that holds no blob is a wrong path more often than an empty hour: say what was there
            unreadable.accept(LocalPaths.name(root), noBlobs(others[0]));
        }
        List<Input> inputs = new ArrayList<>(found.size());
        found.forEach((p, denied) -> inputs.add(denied == null ? FileInput.of(p) : DeniedInput.of(LocalPaths.name(p), denied)));
        return inputs;
    }

    /** Why a folder holding {@code others} files, none of them a blob, gives nothing to read (on any file system). */
    public static String noBlobs(int others) {
        return "no flow-log files in this folder (names ending " + String.join(", ", BLOB_SUFFIXES) + "); "
                + (others == 0 ? "it is empty" : others + (others == 1 ? " other file" : " other files"));
    }

    static boolean isBlobName(Path file) {
        return isBlobName(file.getFileName().toString());
    }

    /** Whether a walked folder's (on any file system: Spark's too) or a listed container's file {@code name} is read, by its suffix. */
    public static boolean isBlobName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : BLOB_SUFFIXES) {
            if (lower.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** A short, user-facing reason for a failed file-system operation. */
    public static String reason(IOException e) {
        if (e instanceof FileSystemLoopException) {
            return "symbolic link loop; not followed";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file (a broken symbolic link?)";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
