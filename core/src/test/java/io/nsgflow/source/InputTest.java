package io.nsgflow.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputTest {
    private static final String BLOB = "{\"records\":[]}";

    @TempDir
    Path dir;

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static String readAll(Input source) throws IOException {
        try (InputStream in = source.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void gzipIsToldByItsMagicBytesNotItsName() throws IOException {
        Path named = dir.resolve("PT1H.json");
        Files.write(named, gzip(BLOB));

        assertThat(readAll(FileInput.of(named))).isEqualTo(BLOB);
    }

    @Test
    void aPlainFileNamedGzIsReadAsItIs() throws IOException {
        Path named = dir.resolve("PT1H.json.gz");
        Files.writeString(named, BLOB);

        assertThat(readAll(FileInput.of(named))).isEqualTo(BLOB);
    }

    @Test
    void gzippedStandardInput() throws IOException {
        assertThat(readAll(new StdinInput(new ByteArrayInputStream(gzip(BLOB))))).isEqualTo(BLOB);
    }

    @Test
    void inputsShorterThanTheMagicBytes() throws IOException {
        assertThat(readAll(new StdinInput(new ByteArrayInputStream(new byte[] {0x1f})))).isEqualTo("\u001f");
        assertThat(readAll(new StdinInput(new ByteArrayInputStream(new byte[0])))).isEmpty();
    }

    @Test
    void aFileKeepsThePathItWasNamedByAndItsMetadata() {
        Path p = Path.of("y=2024/m=05/d=14/h=09/m=00/macAddress=000d3a4f2b19/PT1H.json");
        Input source = FileInput.of(p);

        assertThat(source.name()).isEqualTo(p.toString());
        assertThat(source.meta().hour()).isEqualTo("2024-05-14T09");
        assertThat(source.meta().mac()).isEqualTo("000D3A4F2B19");
    }
}
