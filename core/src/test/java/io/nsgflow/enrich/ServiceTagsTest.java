package io.nsgflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nsgflow.model.IpAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceTagsTest {
    static final Path TEST_FILE = Path.of("core/src/test/resources/enrich/ServiceTags_Test.json");

    @TempDir
    Path tmp;

    private static List<String> names(ServiceTags tags, String address) {
        long[] a = new long[2];
        assertThat(IpAddress.parse(address, a)).isTrue();
        return tags.lookup(a[0], a[1]).stream().map(ServiceTag::name).toList();
    }

    @Test
    void theMostSpecificTagComesFirstThenEveryTagThatHoldsTheAddress() throws Exception {
        ServiceTags tags = ServiceTags.load(TEST_FILE);
        assertThat(tags.tags()).isEqualTo(5);
        assertThat(tags.prefixes()).isEqualTo(14);
        assertThat(tags.cloud()).isEqualTo("Public");
        assertThat(names(tags, "20.8.1.2")).containsExactly("Storage.WestEurope", "Storage", "AzureCloud.westeurope", "AzureCloud");
        assertThat(names(tags, "20.9.1.2")).containsExactly("AzureCloud.westeurope", "AzureCloud");
        assertThat(names(tags, "20.60.0.1")).containsExactly("Storage");
        assertThat(names(tags, "20.1.0.1")).containsExactly("AzureCloud");
        assertThat(names(tags, "168.63.129.16")).containsExactly("AzureLoadBalancer");
        assertThat(names(tags, "2603:1020:201::5")).containsExactly("Storage.WestEurope", "AzureCloud.westeurope", "AzureCloud");
        assertThat(names(tags, "8.8.8.8")).isEmpty();
        long[] a = new long[2];
        IpAddress.parse("20.8.1.2", a);
        assertThat(tags.lookup(a[0], a[1]).get(0)).isEqualTo(new ServiceTag("Storage.WestEurope", "westeurope", "AzureStorage"));
    }

    @Test
    void aFileCutShortIsAnErrorNamingTheFileAndTheLine() throws IOException {
        String text = Files.readString(TEST_FILE);
        Path cut = tmp.resolve("cut.json");
        Files.writeString(cut, text.substring(0, text.indexOf("Storage.WestEurope") + 40));
        assertThatThrownBy(() -> ServiceTags.load(cut)).isInstanceOf(EnrichmentException.class)
                .hasMessageMatching("\\Q" + cut + "\\E: line 4\\d, column \\d+: .*end-of-input.*");
    }

    @Test
    void aPrefixThatIsNotACidrIsNamedWithItsLine() throws IOException {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, Files.readString(TEST_FILE).replace("\"20.60.0.0/16\"", "\"20.60.0.0/40\""));
        assertThatThrownBy(() -> ServiceTags.load(bad)).isInstanceOf(EnrichmentException.class)
                .hasMessageMatching(".*bad.json: line 40, column \\d+: '20.60.0.0/40' has a prefix length outside 0-32");
    }

    @Test
    void otherJsonIsNotAServiceTagFile() throws IOException {
        Path other = tmp.resolve("other.json");
        Files.writeString(other, "{\"records\": []}");
        assertThatThrownBy(() -> ServiceTags.load(other)).hasMessageContaining("not a service-tag file");
        assertThatThrownBy(() -> ServiceTags.load(tmp.resolve("missing.json"))).hasMessageContaining("missing.json: cannot read");
    }

    /** Microsoft's real Government-cloud file: the counts its README gives, and the tags' nesting. */
    @Test
    void readsTheRealGovernmentCloudFile() throws Exception {
        ServiceTags tags = ServiceTags.load(SharedEnrich.file("ServiceTags_AzureGovernment.json"));
        assertThat(tags.tags()).isEqualTo(299);
        assertThat(tags.prefixes()).isEqualTo(6589);
        assertThat(tags.cloud()).isEqualTo("AzureGovernment");
        // 13.72.43.16/28 is in Storage, Storage.USGovVirginia, AzureCloud.usgovvirginia (13.72.0.0/18) and AzureCloud
        assertThat(names(tags, "13.72.43.20")).startsWith("Storage.USGovVirginia")
                .contains("Storage", "AzureCloud.usgovvirginia", "AzureCloud");
        assertThat(names(tags, "13.72.43.20").indexOf("AzureCloud.usgovvirginia"))
                .isLessThan(names(tags, "13.72.43.20").indexOf("AzureCloud"));
    }
}
