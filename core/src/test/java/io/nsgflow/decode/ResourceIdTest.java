package io.nsgflow.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Resource IDs read as Azure writes them, and as anyone might: any slashes, any case. */
class ResourceIdTest {
    @Test
    void anNsgIdGivesItsParts() {
        ResourceId id = ResourceId.parse("/SUBSCRIPTIONS/5F3C9A2E-8B71-4D06-A9E4-2C7B1D8E6F40/RESOURCEGROUPS/RG-PROD/PROVIDERS/"
                + "MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/WEB-NSG", "NETWORKSECURITYGROUPS");
        assertThat(id).isEqualTo(new ResourceId("5f3c9a2e-8b71-4d06-a9e4-2c7b1d8e6f40", "RG-PROD", "WEB-NSG", "WEB-NSG"));
        assertThat(ResourceId.parse(null, null)).isSameAs(ResourceId.NONE);
        assertThat(ResourceId.parse("", null)).isSameAs(ResourceId.NONE);
    }

    /**
     * The parse scans the ID in place; it must read every string as splitting it at its slashes
     * does (trailing empty segments dropped, leading and inner ones kept), which this oracle does.
     */
    @Test
    void readsAnyStringAsSplittingItAtSlashesDoes() {
        String[] words = {"", "/", "//", "subscriptions", "SUBSCRIPTIONS", "ResourceGroups", "RESOURCEGROUPS", "providers",
            "networkSecurityGroups", "NETWORKSECURITYGROUPS", "FLOWLOGS", "x", "Sub-1", "rg", "a b"};
        Random random = new Random(16);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder id = new StringBuilder();
            for (int parts = random.nextInt(9); parts > 0; parts--) {
                id.append(random.nextInt(3) == 0 ? "/" : "").append(words[random.nextInt(words.length)]);
            }
            String type = random.nextInt(4) == 0 ? null : random.nextBoolean() ? "NETWORKSECURITYGROUPS" : "FLOWLOGS";
            String text = id.toString();
            assertThat(ResourceId.parse(text, type)).as("%s (%s)", text, type)
                    .isEqualTo(text.isEmpty() ? ResourceId.NONE : bySplit(text, type));
        }
    }

    private static ResourceId bySplit(String id, String type) {
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
