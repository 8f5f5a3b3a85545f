package io.nsgflow.decode;

import java.util.Locale;

/**
 * The parts of an Azure resource ID that rows carry:
 * {@code /SUBSCRIPTIONS/{sub}/RESOURCEGROUPS/{rg}/PROVIDERS/{namespace}/{type}/{name}...}.
 * Subscription GUIDs are lower-cased (Azure upper-cases them in flow logs but not elsewhere).
 */
record ResourceId(String subscription, String resourceGroup, String lastName, String nameAfter) {
    static final ResourceId NONE = new ResourceId(null, null, null, null);

    /**
     * @param type the resource type segment whose following name goes into {@code nameAfter}, e.g.
     *             {@code NETWORKSECURITYGROUPS}; {@code lastName} is the ID's last segment
     */
    static ResourceId parse(String id, String type) {
        if (id == null || id.isEmpty()) {
            return NONE;
        }
        // segments between slashes, trailing slashes ignored; scanned in place, as it runs once a record
        int end = id.length();
        while (end > 0 && id.charAt(end - 1) == '/') {
            end--;
        }
        String subscription = null;
        String group = null;
        String named = null;
        int start = 0;
        for (int slash = id.indexOf('/'); slash >= 0 && slash < end; slash = id.indexOf('/', start)) {
            int next = slash + 1;
            int nextEnd = id.indexOf('/', next);
            nextEnd = nextEnd < 0 || nextEnd > end ? end : nextEnd;
            if (segmentIs(id, start, slash, "SUBSCRIPTIONS")) {
                subscription = id.substring(next, nextEnd).toLowerCase(Locale.ROOT);
            } else if (segmentIs(id, start, slash, "RESOURCEGROUPS")) {
                group = id.substring(next, nextEnd);
            } else if (type != null && segmentIs(id, start, slash, type)) {
                named = id.substring(next, nextEnd);
            }
            start = next;
        }
        String last = end == 0 ? null : id.substring(id.lastIndexOf('/', end - 1) + 1, end);
        return new ResourceId(subscription, group, last, named);
    }

    private static boolean segmentIs(String id, int start, int end, String word) {
        return end - start == word.length() && id.regionMatches(true, start, word, 0, word.length());
    }
}
