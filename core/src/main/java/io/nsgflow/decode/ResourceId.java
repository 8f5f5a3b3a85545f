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
        String[] parts = id.split("/");
        String subscription = null;
        String group = null;
        String named = null;
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].equalsIgnoreCase("SUBSCRIPTIONS")) {
                subscription = parts[i + 1].toLowerCase(Locale.ROOT);
            } else if (parts[i].equalsIgnoreCase("RESOURCEGROUPS")) {
                group = parts[i + 1];
            } else if (type != null && parts[i].equalsIgnoreCase(type)) {
                named = parts[i + 1];
            }
        }
        String last = parts.length > 0 && !parts[parts.length - 1].isEmpty() ? parts[parts.length - 1] : null;
        return new ResourceId(subscription, group, last, named);
    }
}
