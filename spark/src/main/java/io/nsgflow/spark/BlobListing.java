package io.nsgflow.spark;

import io.nsgflow.source.FileInputs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The blobs of a read, listed on the driver as the CLI lists them: a file (or glob match) as it
 * is, a folder walked for the names the CLI reads ({@link FileInputs#isBlobName}), in path order.
 * A blob is named as the CLI would name it: the path as given, then the path below it.
 */
final class BlobListing {
    /** One blob: where it is, the name messages give it, and its length in bytes as stored. */
    record Blob(String uri, String name, long size) implements java.io.Serializable {
    }

    private BlobListing() {
    }

    /** The paths of {@code load(paths...)} (Spark passes several as a JSON array in "paths"). */
    static List<String> paths(CaseInsensitiveStringMap options) {
        List<String> paths = new ArrayList<>();
        if (options.containsKey("path")) {
            paths.add(options.get("path"));
        }
        if (options.containsKey("paths")) {
            String json = options.get("paths");
            try (var p = new com.fasterxml.jackson.core.JsonFactory().createParser(json)) {
                p.nextToken();
                while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                    paths.add(p.getText());
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the paths option " + json, e);
            }
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("nsgflow: no path given: spark.read.format(\"nsgflow\").load(PATH, ...)");
        }
        return paths;
    }

    /**
     * The data source's listing.
     *
     * @throws IllegalArgumentException when a path matches nothing (Spark's own sources fail the
     *                                  same way: a typo should not read as "no traffic")
     */
    static List<Blob> list(List<String> paths, Configuration conf) {
        return list(paths, conf, (path, reason) -> {
            if (reason.equals(MISSING)) {
                throw new IllegalArgumentException("nsgflow: " + path + ": open: " + reason);
            }
        });
    }

    /** What a path matching nothing is told as, in the CLI's words. */
    static final String MISSING = "no such file or directory";

    /**
     * The blobs of {@code paths}, in order; {@code unreadable} is told of each path that gives none,
     * with the CLI's reason.
     */
    static List<Blob> list(List<String> paths, Configuration conf, BiConsumer<String, String> unreadable) {
        List<Blob> blobs = new ArrayList<>();
        for (String given : paths) {
            try {
                Path path = new Path(given);
                FileSystem fs = path.getFileSystem(conf);
                FileStatus[] matches = fs.globStatus(path);
                if (matches == null || matches.length == 0) {
                    unreadable.accept(given, MISSING);
                    continue;
                }
                for (FileStatus match : matches) {
                    String name = matches.length == 1 ? given : match.getPath().toString();
                    if (match.isDirectory()) {
                        walk(fs, match.getPath(), trimmed(name), blobs, unreadable);
                    } else {
                        blobs.add(new Blob(match.getPath().toString(), name, match.getLen()));
                    }
                }
            } catch (IOException e) {
                unreadable.accept(given, FileInputs.reason(e));
            }
        }
        return blobs;
    }

    private static void walk(FileSystem fs, Path folder, String name, List<Blob> blobs, BiConsumer<String, String> unreadable)
            throws IOException {
        String base = folder.toUri().getPath();
        List<Blob> found = new ArrayList<>();
        int others = 0;
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(folder, true);
        while (files.hasNext()) {
            LocatedFileStatus f = files.next();
            if (f.isFile() && FileInputs.isBlobName(f.getPath().getName())) {
                String below = f.getPath().toUri().getPath().substring(base.length());
                found.add(new Blob(f.getPath().toString(), name + (below.startsWith("/") ? below : "/" + below), f.getLen()));
            } else if (f.isFile()) {
                others++;
            }
        }
        if (found.isEmpty()) {
            unreadable.accept(name, FileInputs.noBlobs(others));
        }
        found.sort((a, b) -> a.name().compareTo(b.name()));
        blobs.addAll(found);
    }

    private static String trimmed(String folder) {
        return folder.endsWith("/") && folder.length() > 1 ? folder.substring(0, folder.length() - 1) : folder;
    }
}
