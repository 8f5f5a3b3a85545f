package io.nsgflow.source.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.source.Auth;
import io.nsgflow.source.InputScope;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListingPlanTest {
    private static final String NSG = "resourceId=/SUBSCRIPTIONS/S/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/WEB-NSG/";

    private static ListingPlan plan(String since, String until, String nsg, String... macs) {
        return new ListingPlan(new InputScope(
                since == null ? Long.MIN_VALUE : Instant.parse(since).toEpochMilli(),
                until == null ? Long.MAX_VALUE : Instant.parse(until).toEpochMilli(),
                name -> nsg == null || name.equalsIgnoreCase(nsg), Set.of(macs), Auth.AUTO, Map.of(), false));
    }

    @Test
    void timeFoldersAreEnteredWhenTheirSpanMeetsTheWindowWithTheMinuteBefore() {
        ListingPlan p = plan("2024-05-14T09:00:00Z", "2024-05-14T10:00:00Z", null);

        assertThat(p.enter(NSG + "y=2024/")).isTrue();
        assertThat(p.enter(NSG + "y=2023/")).isFalse();
        assertThat(p.enter(NSG + "y=2024/m=04/")).isFalse();
        assertThat(p.enter(NSG + "y=2024/m=05/d=13/")).isFalse();
        assertThat(p.enter(NSG + "y=2024/m=05/d=14/h=08/")).isFalse();
        assertThat(p.enter(NSG + "y=2024/m=05/d=14/h=09/")).isTrue();
        // the 10:00 blob's first record holds tuples of 09:59
        assertThat(p.enter(NSG + "y=2024/m=05/d=14/h=10/")).isTrue();
        assertThat(p.enter(NSG + "y=2024/m=05/d=14/h=11/")).isFalse();
        assertThat(p.enter(NSG + "y=2024/m=05/d=14/h=09/m=00/")).isTrue();
    }

    @Test
    void nsgAndMacFoldersFollowTheirFilters() {
        ListingPlan p = plan(null, null, "web-nsg", "000D3A4F2B19");

        assertThat(p.enter(NSG)).isTrue();
        assertThat(p.enter(NSG.replace("WEB-NSG", "DB-NSG"))).isFalse();
        assertThat(p.enter(NSG + "y=2024/m=05/d=14/h=09/m=00/macAddress=000D3A4F2B19/")).isTrue();
        assertThat(p.enter(NSG + "y=2024/m=05/d=14/h=09/m=00/macAddress=000D3A4F7E62/")).isFalse();
        assertThat(p.enter("someone-elses-folder/")).isTrue();
        assertThat(p.read("notes/PT1H.json")).isTrue();
    }

    @Test
    void aShortWindowNamesItsHourAndDayFolders() {
        assertThat(plan("2024-05-14T09:00:00Z", "2024-05-14T10:00:00Z", null).hourFolders(NSG))
                .containsExactly(NSG + "y=2024/m=05/d=14/h=09/", NSG + "y=2024/m=05/d=14/h=10/");
        assertThat(plan("2024-05-14T23:30:00Z", "2024-05-16T00:00:00Z", null).hourFolders(NSG))
                .containsExactly(NSG + "y=2024/m=05/d=14/h=23/", NSG + "y=2024/m=05/d=15/", NSG + "y=2024/m=05/d=16/h=00/");
        assertThat(plan(null, "2024-05-14T10:00:00Z", null).hourFolders(NSG)).isNull();
        assertThat(plan("2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z", null).hourFolders(NSG)).isNull();
        assertThat(plan("2024-05-14T09:00:00Z", "2024-05-14T10:00:00Z", null).hourFolders("resourceId=/SUBSCRIPTIONS/")).isNull();
    }
}
