package io.nsgflow.source.azure;

import io.nsgflow.model.Macs;
import io.nsgflow.source.InputScope;
import io.nsgflow.source.LayoutTime;
import io.nsgflow.source.PathMetadata;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides, without listing, which folders of a flow-log container can hold rows the user wants,
 * from the layout Network Watcher writes ({@code .../NETWORKSECURITYGROUPS/{NSG}/y=/m=/d=/h=/m=00/macAddress={MAC}/PT1H.json},
 * {@code .../FLOWLOGS/{NAME}/y=/...} for VNet flow logs). A folder is skipped only when no blob in
 * it could hold a wanted row, so pruning never changes an answer.
 */
final class ListingPlan {
    /**
     * How far before its hour a blob's tuples may start: each record holds the tuples of the minute
     * before its {@code time}, and a record belongs to the blob of its own hour, so the blob of
     * 10:00 holds tuples from 09:59. Five minutes leaves room for a late record.
     */
    static final long EARLY_TUPLES_MS = 5 * 60_000L;
    /**
     * Up to this many hours, the hour folders under an NSG or flow log are named directly (one
     * listing each) instead of walking {@code y=/m=/d=/h=} level by level.
     */
    static final int MAX_NAMED_HOURS = 72;

    private static final DateTimeFormatter HOUR_FOLDER = DateTimeFormatter.ofPattern("'y='yyyy/'m='MM/'d='dd/'h='HH/", Locale.ROOT);
    private static final long HOUR_MS = 3_600_000L;
    private static final long DAY_MS = 24 * HOUR_MS;

    private final InputScope scope;

    ListingPlan(InputScope scope) {
        this.scope = scope;
    }

    /** Whether the folder {@code prefix} (ending with '/') may hold a wanted blob. */
    boolean enter(String prefix) {
        String[] parts = prefix.split("/");
        String last = parts[parts.length - 1];
        String parent = parts.length > 1 ? parts[parts.length - 2].toUpperCase(Locale.ROOT) : "";
        if (parent.equals("NETWORKSECURITYGROUPS")) {
            return scope.nsg().test(last);
        }
        if (last.toUpperCase(Locale.ROOT).startsWith("MACADDRESS=")) {
            return macWanted(last.substring(last.indexOf('=') + 1));
        }
        long[] span = LayoutTime.span(parts);
        return span == null || overlaps(span[0], span[1]);
    }

    /** Whether the blob {@code name} may hold a wanted row, by its hour, MAC and NSG. */
    boolean read(String name) {
        PathMetadata meta = PathMetadata.of(name);
        if (meta.nsg() != null && !scope.nsg().test(meta.nsg())) {
            return false;
        }
        if (meta.mac() != null && !macWanted(meta.mac())) {
            return false;
        }
        long[] span = LayoutTime.span(name.split("/"));
        return span == null || overlaps(span[0], span[1]);
    }

    /**
     * The folders to list whole under {@code prefix} when it is an NSG's or a flow log's folder and
     * the time asked is short: a day's folder for each day wanted whole, an hour's for the hours
     * of the others; null when the folder must be walked level by level.
     */
    List<String> hourFolders(String prefix) {
        String[] parts = prefix.split("/");
        if (parts.length < 2 || scope.since() == Long.MIN_VALUE || scope.until() == Long.MAX_VALUE) {
            return null;
        }
        String parent = parts[parts.length - 2].toUpperCase(Locale.ROOT);
        if (!parent.equals("NETWORKSECURITYGROUPS") && !parent.equals("FLOWLOGS")) {
            return null;
        }
        long first = Math.floorDiv(scope.since(), HOUR_MS) * HOUR_MS;
        long last = Math.floorDiv(scope.until() - 1 + EARLY_TUPLES_MS, HOUR_MS) * HOUR_MS;
        if ((last - first) / HOUR_MS + 1 > MAX_NAMED_HOURS) {
            return null;
        }
        List<String> folders = new ArrayList<>();
        for (long h = first; h <= last; h += HOUR_MS) {
            String hour = HOUR_FOLDER.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(h), ZoneOffset.UTC));
            if (h % DAY_MS == 0 && h + DAY_MS - HOUR_MS <= last) {
                folders.add(prefix + hour.substring(0, hour.indexOf("h="))); // the whole day: one listing
                h += DAY_MS - HOUR_MS;
            } else {
                folders.add(prefix + hour);
            }
        }
        return folders;
    }

    private boolean macWanted(String mac) {
        return scope.macs().isEmpty() || scope.macs().contains(Macs.normalize(mac));
    }

    /** A blob of the hour [start, end) holds tuples from {@code start - EARLY_TUPLES_MS}. */
    private boolean overlaps(long start, long end) {
        return start - EARLY_TUPLES_MS < scope.until() && end > scope.since();
    }
}
