package io.nsgflow.source;

import io.nsgflow.model.Macs;
import java.util.Locale;

/**
 * What a blob's path says about it, as azcopy lays a flow-log container out on disk:
 * {@code resourceId=/SUBSCRIPTIONS/{sub}/RESOURCEGROUPS/{rg}/.../NETWORKSECURITYGROUPS/{nsg}/y=2024/m=01/d=02/h=03/m=00/macAddress={mac}/PT1H.json},
 * or the VNet form with {@code FLOWLOGS/{name}}. Segments are read wherever they appear, so any
 * prefix form works; every field is null when the path does not name it.
 *
 * @param subscription  lower case, as in the record's resource ID after normalising
 * @param resourceGroup upper case, as Azure writes resource IDs in blob paths
 * @param nsg           network security group name
 * @param flowLog       VNet flow-log resource name
 * @param hour          {@code yyyy-MM-ddTHH} of the blob's hour, when {@code y=}, {@code m=}, {@code d=}, {@code h=} are all present
 * @param mac           12 hex digits, upper case
 */
public record PathMetadata(String subscription, String resourceGroup, String nsg, String flowLog, String hour, String mac) {
    public static final PathMetadata NONE = new PathMetadata(null, null, null, null, null, null);

    /** Reads the segments of {@code path} ('/' or '\' separated). */
    public static PathMetadata of(String path) {
        String[] parts = path.replace('\\', '/').split("/");
        String subscription = null;
        String resourceGroup = null;
        String nsg = null;
        String flowLog = null;
        String year = null;
        String month = null;
        String day = null;
        String hour = null;
        String mac = null;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            String next = i + 1 < parts.length ? parts[i + 1] : null;
            String upper = part.toUpperCase(Locale.ROOT);
            switch (upper) {
                case "SUBSCRIPTIONS" -> subscription = lower(next);
                case "RESOURCEGROUPS" -> resourceGroup = next;
                case "NETWORKSECURITYGROUPS" -> nsg = next;
                case "FLOWLOGS" -> flowLog = next;
                default -> {
                    if (upper.startsWith("Y=")) {
                        year = value(part);
                    } else if (upper.startsWith("M=") && year != null && month == null) {
                        month = value(part); // the second m= is the minute, always 00
                    } else if (upper.startsWith("D=")) {
                        day = value(part);
                    } else if (upper.startsWith("H=")) {
                        hour = value(part);
                    } else if (upper.startsWith("MACADDRESS=")) {
                        mac = Macs.normalize(value(part));
                    }
                }
            }
        }
        String hourStamp = year != null && month != null && day != null && hour != null
                ? year + "-" + month + "-" + day + "T" + hour : null;
        return new PathMetadata(subscription, resourceGroup, nsg, flowLog, hourStamp, mac);
    }

    private static String value(String segment) {
        return segment.substring(segment.indexOf('=') + 1);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
