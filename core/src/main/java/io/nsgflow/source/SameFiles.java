package io.nsgflow.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Keeps one input per file: the same file named twice, a link to it, or a folder named beside a
 * file inside it would otherwise double every count without a word. Files are told by their
 * identity on disk (device and inode, {@link BasicFileAttributes#fileKey()}; the real path where a
 * file system has no such key), not by the path typed; the first in the user's order is read.
 */
final class SameFiles {
    private SameFiles() {
    }

    /**
     * @param repeated told of each input left out, with the name of the one read instead
     */
    static List<Input> distinct(List<Input> inputs, BiConsumer<String, String> repeated) {
        Map<Object, String> seen = new HashMap<>();
        List<Input> kept = new ArrayList<>(inputs.size());
        for (Input input : inputs) {
            Object id = input instanceof FileInput f ? identity(f.path()) : null;
            String first = id == null ? null : seen.putIfAbsent(id, input.name());
            if (first != null) {
                repeated.accept(input.name(), first);
            } else {
                kept.add(input);
            }
        }
        return kept;
    }

    /** The file's identity, or null when it cannot be had (opening it will say why). */
    private static Object identity(Path file) {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return key != null ? key : file.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }
}
