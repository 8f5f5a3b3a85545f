package io.nsgflow.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.nsgflow.parse.Json;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor the benchmark compares nsgflow with: the least a JVM program can do to read a blob
 * with Jackson. Every token to the end of input, each string's text looked at through
 * {@code getTextCharacters} (no String made), with nsgflow's own factory and input buffer size.
 * Nothing is decoded, grouped or written. Prints the strings seen and a checksum, so the JIT
 * cannot drop the work.
 */
public final class Floor {
    private Floor() {
    }

    public static void main(String[] args) throws IOException {
        long strings = 0;
        long checksum = 0;
        for (String file : args) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(Path.of(file)), 1 << 16);
                    JsonParser p = Json.FACTORY.createParser(in)) {
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    if (t == JsonToken.VALUE_STRING) {
                        char[] chars = p.getTextCharacters();
                        int len = p.getTextLength();
                        strings++;
                        checksum += len + (len > 0 ? chars[p.getTextOffset() + len - 1] : 0);
                    }
                }
            }
        }
        System.out.println(strings + " strings, checksum " + checksum);
    }
}
