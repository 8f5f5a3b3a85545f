package io.nsgflow.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathMetadataTest {
    @Test
    void nsgBlobPath() {
        PathMetadata m = PathMetadata.of("logs/insights-logs-networksecuritygroupflowevent/resourceId=/SUBSCRIPTIONS/"
                + "5F3C9A2E-8B71-4D06-A9E4-2C7B1D8E6F40/RESOURCEGROUPS/RG-PROD/PROVIDERS/MICROSOFT.NETWORK/"
                + "NETWORKSECURITYGROUPS/WEB-NSG/y=2024/m=05/d=14/h=09/m=00/macAddress=000D3A4F2B19/PT1H.json");

        assertThat(m).isEqualTo(new PathMetadata("5f3c9a2e-8b71-4d06-a9e4-2c7b1d8e6f40", "RG-PROD", "WEB-NSG", null,
                "2024-05-14T09", "000D3A4F2B19"));
    }

    @Test
    void vnetBlobPathWithTheFullResourceId() {
        PathMetadata m = PathMetadata.of("insights-logs-flowlogflowevent/flowLogResourceID=/SUBSCRIPTIONS/"
                + "5F3C9A2E-8B71-4D06-A9E4-2C7B1D8E6F40/RESOURCEGROUPS/NETWORKWATCHERRG/PROVIDERS/MICROSOFT.NETWORK/"
                + "NETWORKWATCHERS/NETWORKWATCHER_WESTEUROPE/FLOWLOGS/VNET-PROD-FLOWLOG/y=2024/m=05/d=14/h=09/m=00/"
                + "macAddress=6045BDF1A207/PT1H.json");

        assertThat(m).isEqualTo(new PathMetadata("5f3c9a2e-8b71-4d06-a9e4-2c7b1d8e6f40", "NETWORKWATCHERRG", null,
                "VNET-PROD-FLOWLOG", "2024-05-14T09", "6045BDF1A207"));
    }

    /** The short prefix form Microsoft also documents: the time and MAC segments are read all the same. */
    @Test
    void vnetBlobPathWithTheShortPrefix() {
        PathMetadata m = PathMetadata.of("insights-logs-flowlogflowevent/flowLogResourceID=/"
                + "5F3C9A2E-8B71-4D06-A9E4-2C7B1D8E6F40_NETWORKWATCHERRG/NETWORKWATCHER_WESTEUROPE_VNET-PROD-FLOWLOG/"
                + "y=2024/m=05/d=14/h=23/m=00/macAddress=6045BDF1C94E/PT1H.json");

        assertThat(m.hour()).isEqualTo("2024-05-14T23");
        assertThat(m.mac()).isEqualTo("6045BDF1C94E");
        assertThat(m.nsg()).isNull();
        assertThat(m.resourceGroup()).isNull();
    }

    @Test
    void theSecondMIsTheMinuteNotTheMonth() {
        assertThat(PathMetadata.of("y=2024/m=11/d=02/h=07/m=00/PT1H.json").hour()).isEqualTo("2024-11-02T07");
    }

    @Test
    void missingSegmentsStayNull() {
        assertThat(PathMetadata.of("PT1H.json")).isEqualTo(PathMetadata.NONE);
        assertThat(PathMetadata.of("/tmp/downloads/flows.json")).isEqualTo(PathMetadata.NONE);

        PathMetadata noHour = PathMetadata.of("y=2024/m=05/d=14/macAddress=000D3A4F2B19/PT1H.json");
        assertThat(noHour.hour()).as("an hour needs y, m, d and h").isNull();
        assertThat(noHour.mac()).isEqualTo("000D3A4F2B19");

        PathMetadata trailing = PathMetadata.of("RESOURCEGROUPS");
        assertThat(trailing.resourceGroup()).isNull();
    }

    @Test
    void windowsSeparatorsLowerCaseSegmentsAndMacSpellings() {
        PathMetadata m = PathMetadata.of("C:\\logs\\resourceId=\\subscriptions\\ABC\\resourceGroups\\rg-x\\providers\\"
                + "Microsoft.Network\\networkSecurityGroups\\my-nsg\\Y=2024\\M=01\\D=31\\H=00\\m=00\\MACADDRESS=00-0d-3a-4f-2b-19\\PT1H.json");

        assertThat(m).isEqualTo(new PathMetadata("abc", "rg-x", "my-nsg", null, "2024-01-31T00", "000D3A4F2B19"));
    }
}
