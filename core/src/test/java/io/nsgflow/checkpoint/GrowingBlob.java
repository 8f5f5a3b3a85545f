package io.nsgflow.checkpoint;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A local PT1H.json that grows the way Network Watcher grows a blob: {@code {"records":[}, records
 * separated by commas, {@code ]}}; each change writes in place only the bytes that differ (the
 * closing {@code ]}} becomes {@code ,{record}...]}}), as an append to a file still being written
 * does. It can also stop in the middle of a record, as a file being copied does.
 */
final class GrowingBlob {
    /** The real records of the shipped NSG v2 sample, compact, one string each. */
    static final List<String> NSG_V2 = records(Path.of("samples", "nsg-v2-PT1H.json"));

    private final Path file;
    private final List<String> records;
    private byte[] current = new byte[0];
    private int complete;

    GrowingBlob(Path file, List<String> records) {
        this.file = file;
        this.records = records;
    }

    Path path() {
        return file;
    }

    /** How many complete records the file holds. */
    int complete() {
        return complete;
    }

    /** Adds the next {@code n} records, the blob closed after them. */
    GrowingBlob append(int n) {
        complete += n;
        write(content(complete, 0));
        return this;
    }

    /** Adds the next {@code n} records and the first {@code cut} bytes of the one after, unclosed: a file still being written. */
    GrowingBlob appendCut(int n, int cut) {
        complete += n;
        write(content(complete, cut));
        return this;
    }

    private byte[] content(int k, int cut) {
        StringBuilder s = new StringBuilder("{\"records\":[");
        for (int i = 0; i < k; i++) {
            s.append(i > 0 ? "," : "").append(records.get(i % records.size()));
        }
        if (cut > 0) {
            String next = (k > 0 ? "," : "") + records.get(k % records.size());
            s.append(next, 0, Math.min(cut, next.length() - 1));
        } else {
            s.append("]}");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void write(byte[] next) {
        int same = 0;
        while (same < current.length && same < next.length && current[same] == next[same]) {
            same++;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(next, same, next.length - same), same);
            ch.truncate(next.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        current = next;
    }

    /** The records of a {@code {"records":[...]}} file, each as compact JSON. */
    static List<String> records(Path blob) {
        JsonFactory json = new JsonFactory();
        List<String> out = new ArrayList<>();
        try (JsonParser p = json.createParser(Files.readAllBytes(blob))) {
            p.nextToken();
            p.nextFieldName();
            p.nextToken();
            while (p.nextToken() == JsonToken.START_OBJECT) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (JsonGenerator g = json.createGenerator(bytes)) {
                    g.copyCurrentStructure(p);
                }
                out.add(bytes.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
