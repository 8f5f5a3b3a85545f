package io.nsgflow.enrich;

import io.nsgflow.filter.Cidr;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The user's named address lists ({@code --ip-list threats=feed.txt}): one address or CIDR block
 * per line, comments from {@code #} (or {@code ;}, as in Spamhaus' DROP list) to the end of the
 * line, blank lines ignored. An address in several lists, or in several blocks of one, is in each
 * list once.
 */
public final class IpLists {
    private final PrefixTable<List<String>> table;
    private final List<String> names;

    private IpLists(PrefixTable<List<String>> table, List<String> names) {
        this.table = table;
        this.names = names;
    }

    /** The names of the lists that hold the address, sorted; empty when none does. */
    public List<String> lookup(long hi, long lo) {
        List<String> found = table.get(hi, lo);
        return found == null ? List.of() : found;
    }

    /** Every list's name, in the order given. */
    public List<String> names() {
        return names;
    }

    /** Reads the lists, by name, in order. @throws EnrichmentException naming the file and the line */
    public static IpLists load(Map<String, Path> lists) throws EnrichmentException {
        PrefixTable.Builder<String> builder = new PrefixTable.Builder<>();
        for (Map.Entry<String, Path> list : lists.entrySet()) {
            read(list.getKey(), list.getValue(), builder);
        }
        return new IpLists(builder.build(chain -> List.copyOf(new TreeSet<>(chain))), List.copyOf(lists.keySet()));
    }

    private static void read(String name, Path file, PrefixTable.Builder<String> into) throws EnrichmentException {
        int lineNumber = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                String entry = withoutComment(line).strip();
                if (entry.isEmpty()) {
                    continue;
                }
                try {
                    into.add(Cidr.parse(entry), name);
                } catch (IllegalArgumentException e) {
                    throw new EnrichmentException(file + ": line " + lineNumber + ": " + e.getMessage());
                }
            }
        } catch (NoSuchFileException e) {
            throw new EnrichmentException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new EnrichmentException(file + ": line " + (lineNumber + 1) + ": not UTF-8 text");
        } catch (IOException e) {
            throw new EnrichmentException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static String withoutComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '#' || c == ';') {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
