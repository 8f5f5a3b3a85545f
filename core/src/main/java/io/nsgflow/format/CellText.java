package io.nsgflow.format;

import io.nsgflow.model.IpAddress;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reusable text for the cells that need formatting, so that writing a row builds no Strings:
 * addresses, and ISO-8601 UTC times (whole seconds as {@code 2021-11-03T07:29:28Z}, with
 * milliseconds when the log has them). The date, hour and minute are cached, as tuples come in
 * about time order and share minutes.
 */
final class CellText {
    private final StringBuilder ip = new StringBuilder(39);
    private final StringBuilder time = new StringBuilder(24);
    private long cachedMinute = Long.MIN_VALUE;
    /** {@code yyyy-MM-ddTHH:mm} of the cached minute, and its bytes. */
    private String cachedPrefix;
    private byte[] cachedPrefixBytes;

    CharSequence ip(long hi, long lo) {
        ip.setLength(0);
        IpAddress.append(ip, hi, lo);
        return ip;
    }

    /** Writes the address into {@code out}: an IPv4 address, nearly every one, with no text made. */
    void ip(TextOut out, long hi, long lo) {
        if (!IpAddress.isV4(hi, lo)) {
            out.append(ip(hi, lo));
            return;
        }
        out.appendDottedQuad((int) lo);
    }

    /** Writes the time into {@code out}: the minute's bytes copied, the seconds as digits, with no text made. */
    void time(TextOut out, long millis) {
        long second = Math.floorDiv(millis, 1000);
        minute(Math.floorDiv(second, 60));
        out.appendEncoded(cachedPrefixBytes).append(':').appendTwoDigits((int) Math.floorMod(second, 60));
        int ms = (int) Math.floorMod(millis, 1000);
        if (ms != 0) {
            out.append('.').append((char) ('0' + ms / 100)).appendTwoDigits(ms % 100);
        }
        out.append('Z');
    }

    /** The time as text, for a writer that measures its cells. */
    CharSequence time(long millis) {
        long second = Math.floorDiv(millis, 1000);
        minute(Math.floorDiv(second, 60));
        int s = (int) Math.floorMod(second, 60);
        time.setLength(0);
        time.append(cachedPrefix).append(':').append((char) ('0' + s / 10)).append((char) ('0' + s % 10));
        int ms = (int) Math.floorMod(millis, 1000);
        if (ms != 0) {
            time.append('.').append((char) ('0' + ms / 100)).append((char) ('0' + ms / 10 % 10)).append((char) ('0' + ms % 10));
        }
        return time.append('Z');
    }

    private void minute(long minute) {
        if (minute != cachedMinute) {
            cachedMinute = minute;
            cachedPrefix = LocalDateTime.ofEpochSecond(minute * 60, 0, ZoneOffset.UTC).toString(); // no seconds when zero
            cachedPrefixBytes = TextOut.encoded(cachedPrefix);
        }
    }
}
