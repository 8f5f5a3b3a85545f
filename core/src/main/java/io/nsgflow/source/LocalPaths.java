package io.nsgflow.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * File names with any bytes, under any locale. Linux names are bytes; the JDK turns them into
 * Strings, and back, with the locale's charset ({@code sun.jnu.encoding}, which the JDK 17 takes
 * from the locale only): under {@code LANG=C} that is ASCII, so {@code café.json} on the command
 * line reads as {@code caf??.json} and {@link Path#of} refuses it, and under any locale a name that
 * is not valid UTF-8 loses its odd bytes. So nsgflow keeps names as UTF-8 text in which a byte that
 * is not UTF-8 is the lone surrogate {@code U+DC80..U+DCFF} (as Python's PEP 383 does): lossless,
 * and shown as {@code \xNN} by {@link io.nsgflow.format.TerminalText}. The command line's bytes are
 * read again from {@code /proc/self/cmdline} when the JDK lost some, and a path the locale cannot
 * spell is made from its bytes through a {@code file:} URI, which the JDK maps to bytes exactly.
 */
public final class LocalPaths {
    private static final Charset LOCALE = localeCharset();
    /** A byte {@code b} that is not UTF-8 is the char {@code ESCAPE + b}. */
    private static final char ESCAPE = 0xDC00;
    private static final String UNRESERVED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/";

    private LocalPaths() {
    }

    /**
     * The command-line arguments with the bytes the JDK lost restored: {@code args} as the JVM
     * decoded them, checked against the process's own command line, whose last entries they are.
     */
    public static String[] arguments(String[] args) {
        List<byte[]> raw = commandLine();
        if (raw.size() < args.length) {
            return args;
        }
        List<byte[]> mine = raw.subList(raw.size() - args.length, raw.size());
        String[] out = args.clone();
        for (int i = 0; i < args.length; i++) {
            if (!new String(mine.get(i), LOCALE).equals(args[i])) {
                return args; // not the entries the JVM decoded: keep what it gave
            }
            if (!Arrays.equals(args[i].getBytes(LOCALE), mine.get(i))) {
                out[i] = decode(mine.get(i));
            }
        }
        return out;
    }

    /** The path a name (as {@link #arguments} or {@link #name} give it) stands for, whatever the locale. */
    public static Path of(String name) {
        if (!hasEscape(name) && LOCALE.newEncoder().canEncode(name)) {
            return Path.of(name);
        }
        StringBuilder uri = new StringBuilder("file://");
        if (!name.startsWith("/")) {
            uri.append(Path.of("").toAbsolutePath().toUri().getRawPath()); // ends with '/'
        }
        for (byte b : encode(name)) {
            int c = b & 0xFF;
            if (c < 0x80 && UNRESERVED.indexOf(c) >= 0) {
                uri.append((char) c);
            } else {
                uri.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return Path.of(URI.create(uri.toString()));
    }

    /** The name of {@code path} (found by walking a folder) as text, its bytes kept as {@link #of} reads them. */
    public static String name(Path path) {
        String shown = path.toString();
        if (LOCALE.equals(StandardCharsets.UTF_8) && shown.indexOf('\uFFFD') < 0 || shown.chars().allMatch(c -> c < 0x80)) {
            return shown;
        }
        byte[] bytes = percentDecoded(path.toAbsolutePath().toUri().getRawPath());
        int from = 0;
        if (!path.isAbsolute()) {
            from = percentDecoded(Path.of("").toAbsolutePath().toUri().getRawPath()).length;
        }
        int to = bytes.length;
        if (to > from + 1 && bytes[to - 1] == '/') {
            to--; // a folder's URI ends with '/'
        }
        return decode(Arrays.copyOfRange(bytes, from, to));
    }

    /** UTF-8, with each byte that is not part of a valid sequence as its escape char. */
    static String decode(byte[] bytes) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        while (true) {
            var result = utf8.decode(in, out, true);
            if (result.isUnderflow()) {
                utf8.flush(out);
                break;
            }
            for (int i = 0; i < result.length(); i++) {
                out.put((char) (ESCAPE + (in.get() & 0xFF)));
            }
        }
        return out.flip().toString();
    }

    /** The bytes {@link #decode} read {@code name} from. */
    static byte[] encode(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(name.length() + 8);
        int run = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || isEscape(name.charAt(i))) {
                out.writeBytes(name.substring(run, i).getBytes(StandardCharsets.UTF_8));
                if (i < name.length()) {
                    out.write(name.charAt(i) - ESCAPE);
                }
                run = i + 1;
            }
        }
        return out.toByteArray();
    }

    private static boolean hasEscape(String name) {
        return name.chars().anyMatch(c -> isEscape((char) c));
    }

    private static boolean isEscape(char c) {
        return c >= ESCAPE + 0x80 && c <= ESCAPE + 0xFF;
    }

    private static byte[] percentDecoded(String raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                out.write(Integer.parseInt(raw, i + 1, i + 3, 16));
                i += 2;
            } else {
                out.write(c); // a URI's raw path is ASCII: the rest is escaped
            }
        }
        return out.toByteArray();
    }

    /** The process's arguments as bytes, from Linux's /proc; none elsewhere. */
    private static List<byte[]> commandLine() {
        List<byte[]> entries = new ArrayList<>();
        try {
            byte[] all = Files.readAllBytes(Path.of("/proc/self/cmdline"));
            int start = 0;
            for (int i = 0; i < all.length; i++) {
                if (all[i] == 0) {
                    entries.add(Arrays.copyOfRange(all, start, i));
                    start = i + 1;
                }
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            entries.clear(); // not Linux: the JDK's decoding is all there is
        }
        return entries;
    }

    private static Charset localeCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }
}
