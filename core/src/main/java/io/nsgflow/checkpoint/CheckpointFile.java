package io.nsgflow.checkpoint;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.nsgflow.parse.Shape;
import io.nsgflow.source.FileVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes checkpoint files (format: docs/CHECKPOINT.md). A write is atomic: the new
 * state goes to a temporary file beside the checkpoint, is forced to disk, and replaces the old
 * file by a rename, so a crash leaves either the old checkpoint or the new one, never a mix.
 */
public final class CheckpointFile {
    static final String FORMAT = "nsgflow-checkpoint";
    private static final JsonFactory JSON = new JsonFactory();

    private final Path path;

    public CheckpointFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** The saved state, or null when the file does not exist yet. */
    public Checkpoint read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new CheckpointException(path + ": cannot read checkpoint: " + e.getMessage());
        }
        try (JsonParser p = JSON.createParser(bytes)) {
            Checkpoint c = readCheckpoint(p);
            if (p.nextToken() != null) {
                throw corrupt("text after the checkpoint object, at byte " + p.currentTokenLocation().getByteOffset());
            }
            return c;
        } catch (JsonProcessingException e) {
            throw corrupt("not valid JSON at byte " + e.getLocation().getByteOffset() + " (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new CheckpointException(path + ": cannot read checkpoint: " + e.getMessage());
        }
    }

    /** Replaces the saved state with {@code checkpoint}, atomically. */
    public void write(Checkpoint checkpoint) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + path.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(ch);
                try (JsonGenerator g = JSON.createGenerator(out)) {
                    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                    writeCheckpoint(g, checkpoint);
                    g.writeRaw('\n');
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + path + " atomically on this file system");
            }
            forceDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Makes the rename itself durable; not every platform can open a directory, and then the rename stands as it is. */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory; its rename is as durable as the platform makes it
        }
    }

    private static void writeCheckpoint(JsonGenerator g, Checkpoint c) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeNumberField("version", Checkpoint.VERSION);
        g.writeStringField("command", c.command());
        g.writeArrayFieldStart("arguments");
        for (String a : c.arguments()) {
            g.writeString(a);
        }
        g.writeEndArray();
        g.writeStringField("savedAt", c.savedAt().toString());
        g.writeArrayFieldStart("inputs");
        for (Mark m : c.marks().values()) {
            g.writeRaw('\n');
            writeMark(g, m);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("connections");
        g.writeNumberField("dropped", c.connections().dropped());
        writeKeys(g, "open", c.connections().keys());
        writeKeys(g, "orphaned", c.connections().orphaned());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeKeys(JsonGenerator g, String field, long[] keys) throws IOException {
        g.writeArrayFieldStart(field);
        for (int i = 0; i < keys.length; i += Checkpoint.Connections.WIDTH) {
            g.writeRaw('\n');
            g.writeArray(keys, i, Checkpoint.Connections.WIDTH);
        }
        g.writeEndArray();
    }

    private static void writeMark(JsonGenerator g, Mark m) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", m.id());
        if (m.hour() != null) {
            g.writeStringField("hour", m.hour());
        }
        g.writeNumberField("size", m.version().size());
        g.writeStringField("modified", m.version().modified().toString());
        if (m.etag() != null) {
            g.writeStringField("etag", m.etag());
        }
        if (m.headSha256() != null) {
            g.writeNumberField("headLength", m.headLength());
            g.writeStringField("headSha256", m.headSha256());
        }
        if (m.tailSha256() != null) {
            g.writeStringField("tailSha256", m.tailSha256());
        }
        g.writeNumberField("offset", m.offset());
        if (m.shape() != null) {
            g.writeStringField("shape", m.shape().id());
        }
        g.writeBooleanField("whole", m.whole());
        g.writeStringField("readAt", m.readAt().toString());
        g.writeNumberField("records", m.records());
        g.writeEndObject();
    }

    /** Entry: before the root object. Return: on its END_OBJECT. */
    private Checkpoint readCheckpoint(JsonParser p) throws IOException {
        expect(p, p.nextToken(), JsonToken.START_OBJECT, "the checkpoint");
        String format = null;
        Integer version = null;
        String command = null;
        List<String> arguments = null;
        Instant savedAt = null;
        Map<String, Mark> marks = null;
        Checkpoint.Connections connections = Checkpoint.Connections.NONE;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "format" -> format = text(p, t, name);
                case "version" -> version = (int) number(p, t, name);
                case "command" -> command = text(p, t, name);
                case "arguments" -> arguments = strings(p, t, name);
                case "savedAt" -> savedAt = instant(p, t, name);
                case "inputs" -> marks = marks(p, t);
                case "connections" -> connections = connections(p, t);
                default -> p.skipChildren(); // a field this version does not know: an older reader ignores it
            }
            if (version != null && version > Checkpoint.VERSION) {
                throw new CheckpointException(path + ": checkpoint format version " + version
                        + " was written by a newer nsgflow; this one reads up to version " + Checkpoint.VERSION);
            }
        }
        if (!FORMAT.equals(format)) {
            throw corrupt("not an nsgflow checkpoint (no \"format\": \"" + FORMAT + "\")");
        }
        if (version == null || version < 1) {
            throw corrupt("no valid \"version\"");
        }
        if (command == null || arguments == null || savedAt == null || marks == null) {
            throw corrupt("missing one of \"command\", \"arguments\", \"savedAt\", \"inputs\"");
        }
        return new Checkpoint(command, arguments, savedAt, marks, connections);
    }

    private Map<String, Mark> marks(JsonParser p, JsonToken t) throws IOException {
        expect(p, t, JsonToken.START_ARRAY, "inputs");
        Map<String, Mark> marks = new TreeMap<>();
        for (t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            Mark m = mark(p, t);
            marks.put(m.id(), m);
        }
        return marks;
    }

    /** Entry: on the mark's START_OBJECT. Return: on its END_OBJECT. */
    private Mark mark(JsonParser p, JsonToken t) throws IOException {
        expect(p, t, JsonToken.START_OBJECT, "an inputs entry");
        String id = null;
        String hour = null;
        Long size = null;
        Instant modified = null;
        Long headLength = null;
        String headSha256 = null;
        String etag = null;
        String tailSha256 = null;
        Long offset = null;
        Shape shape = null;
        boolean whole = false;
        Instant readAt = null;
        long records = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "id" -> id = text(p, v, name);
                case "hour" -> hour = text(p, v, name);
                case "size" -> size = number(p, v, name);
                case "modified" -> modified = instant(p, v, name);
                case "headLength" -> headLength = number(p, v, name);
                case "headSha256" -> headSha256 = text(p, v, name);
                case "etag" -> etag = text(p, v, name);
                case "tailSha256" -> tailSha256 = text(p, v, name);
                case "offset" -> offset = number(p, v, name);
                case "shape" -> {
                    shape = Shape.ofId(text(p, v, name));
                    if (shape == null) {
                        throw corrupt("unknown \"shape\" " + p.getText() + " at byte " + p.currentTokenLocation().getByteOffset());
                    }
                }
                case "whole" -> whole = bool(p, v, name);
                case "readAt" -> readAt = instant(p, v, name);
                case "records" -> records = number(p, v, name);
                default -> p.skipChildren();
            }
        }
        if (etag == null ? headLength == null || headSha256 == null : headSha256 != null) {
            // a file is told by its first bytes, a blob by its ETag
            throw corrupt("inputs entry ending at byte " + p.currentTokenLocation().getByteOffset()
                    + " has neither or both of \"etag\" and \"headSha256\"");
        }
        int head = headLength == null ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.max(-1, headLength));
        if (id == null || size == null || modified == null || offset == null || readAt == null || offset < 0 || head < 0
                || head > FileVersion.HEAD || offset > 0 && !whole && tailSha256 == null) {
            throw corrupt("incomplete or inconsistent inputs entry ending at byte " + p.currentTokenLocation().getByteOffset());
        }
        return new Mark(id, hour, new FileVersion(size, modified), head, headSha256, tailSha256, offset,
                shape, whole, readAt, records, etag);
    }

    private Checkpoint.Connections connections(JsonParser p, JsonToken t) throws IOException {
        expect(p, t, JsonToken.START_OBJECT, "connections");
        long dropped = 0;
        long[] keys = new long[0];
        long[] orphaned = new long[0];
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "dropped" -> dropped = number(p, v, name);
                case "open" -> keys = keys(p, v, "connections.open");
                case "orphaned" -> orphaned = keys(p, v, "connections.orphaned");
                default -> p.skipChildren();
            }
        }
        return new Checkpoint.Connections(keys, dropped, orphaned);
    }

    private long[] keys(JsonParser p, JsonToken t, String field) throws IOException {
        expect(p, t, JsonToken.START_ARRAY, field);
        long[] keys = new long[16 * Checkpoint.Connections.WIDTH];
        int n = 0;
        for (t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            expect(p, t, JsonToken.START_ARRAY, "a connection");
            for (int i = 0; i < Checkpoint.Connections.WIDTH; i++) {
                if (n == keys.length) {
                    keys = Arrays.copyOf(keys, keys.length * 2);
                }
                keys[n++] = number(p, p.nextToken(), "a connection");
            }
            expect(p, p.nextToken(), JsonToken.END_ARRAY, "the end of a connection");
        }
        return Arrays.copyOf(keys, n);
    }

    private List<String> strings(JsonParser p, JsonToken t, String field) throws IOException {
        expect(p, t, JsonToken.START_ARRAY, field);
        List<String> list = new ArrayList<>();
        for (t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            list.add(text(p, t, field));
        }
        return list;
    }

    private String text(JsonParser p, JsonToken t, String field) throws IOException {
        expect(p, t, JsonToken.VALUE_STRING, field);
        return p.getText();
    }

    private long number(JsonParser p, JsonToken t, String field) throws IOException {
        expect(p, t, JsonToken.VALUE_NUMBER_INT, field);
        return p.getLongValue();
    }

    private boolean bool(JsonParser p, JsonToken t, String field) throws IOException {
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw corrupt("\"" + field + "\" is not true or false, at byte " + p.currentTokenLocation().getByteOffset());
        }
        return t == JsonToken.VALUE_TRUE;
    }

    private Instant instant(JsonParser p, JsonToken t, String field) throws IOException {
        String s = text(p, t, field);
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw corrupt("\"" + field + "\" is not a UTC time, at byte " + p.currentTokenLocation().getByteOffset());
        }
    }

    private void expect(JsonParser p, JsonToken t, JsonToken expected, String what) {
        if (t != expected) {
            throw corrupt(what + " is not " + describe(expected) + ", at byte " + p.currentTokenLocation().getByteOffset());
        }
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case END_ARRAY -> "closed";
            case VALUE_STRING -> "a string";
            default -> "a whole number";
        };
    }

    private CheckpointException corrupt(String reason) {
        return new CheckpointException(path + ": checkpoint is corrupt: " + reason
                + "; fix or delete it (deleting it reads every input again from the start)");
    }
}
