package io.nsgflow.parse;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How the records of an input are laid out, which decides what must be put in front of a
 * fragment of it (the bytes after a record) for the fragment to parse as the same kind of input.
 */
public enum Shape {
    /** Azure's blob: {@code {"records":[rec,rec,...]}}; new records arrive before the closing {@code ]}}. */
    ENVELOPE("{\"records\":["),
    /** A bare JSON array of records. */
    ARRAY("["),
    /** One record object per line (Event Hubs exports, log shippers). */
    LINES("");

    private final byte[] opening;

    Shape(String opening) {
        this.opening = opening.getBytes(StandardCharsets.US_ASCII);
    }

    /** The containers a record of this shape is in, as they open; the same array each time: never modify it. */
    byte[] opening() {
        return opening;
    }

    /** The shape whose {@link #opening()} is {@code opening} (the same array), or null. */
    static Shape of(byte[] opening) {
        for (Shape s : values()) {
            if (s.opening == opening) {
                return s;
            }
        }
        return null;
    }

    /** The name used in checkpoint files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The shape named {@code id}, or null. */
    public static Shape ofId(String id) {
        for (Shape s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        return null;
    }
}
