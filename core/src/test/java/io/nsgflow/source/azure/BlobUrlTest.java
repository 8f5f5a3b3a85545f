package io.nsgflow.source.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BlobUrlTest {
    @Test
    void hostStyleNamesTheAccountInTheHost() {
        BlobUrl u = BlobUrl.parse("https://flowlogs01.blob.core.windows.net/insights-logs-networksecuritygroupflowevent/resourceId=/SUBSCRIPTIONS/X/?sv=2024-11-04&sig=abc%2Bdef");

        assertThat(u.endpoint()).isEqualTo("https://flowlogs01.blob.core.windows.net");
        assertThat(u.account()).isEqualTo("flowlogs01");
        assertThat(u.container()).isEqualTo("insights-logs-networksecuritygroupflowevent");
        assertThat(u.path()).isEqualTo("resourceId=/SUBSCRIPTIONS/X/");
        assertThat(u.sas()).isEqualTo("sv=2024-11-04&sig=abc%2Bdef");
        assertThat(u.shown()).doesNotContain("sig=", "abc").endsWith("/SUBSCRIPTIONS/X/");
    }

    @Test
    void emulatorsAndIpEndpointsArePathStyle() {
        BlobUrl u = BlobUrl.parse("http://127.0.0.1:10000/devstoreaccount1/c/PT1H.json");
        BlobUrl local = BlobUrl.parse("http://localhost:10000/devstoreaccount1/c");

        assertThat(u.endpoint()).isEqualTo("http://127.0.0.1:10000/devstoreaccount1");
        assertThat(u.account()).isEqualTo("devstoreaccount1");
        assertThat(u.container()).isEqualTo("c");
        assertThat(u.path()).isEqualTo("PT1H.json");
        assertThat(u.sas()).isNull();
        assertThat(local.containerUrl()).isEqualTo("http://localhost:10000/devstoreaccount1/c");
        assertThat(local.path()).isEmpty();
    }

    @Test
    void sovereignCloudsAreHostStyle() {
        BlobUrl u = BlobUrl.parse("https://acct.blob.core.chinacloudapi.cn/c/a%20b/");

        assertThat(u.account()).isEqualTo("acct");
        assertThat(u.path()).isEqualTo("a b/");
    }

    @Test
    void aUrlWithoutContainerIsRefusedWithoutQuotingTheQuery() {
        assertThatThrownBy(() -> BlobUrl.parse("https://acct.blob.core.windows.net/?sig=SECRET"))
                .hasMessageContaining("names no container").hasMessageNotContaining("SECRET");
        assertThatThrownBy(() -> BlobUrl.parse("http://127.0.0.1:10000/"))
                .hasMessageContaining("names the account first");
    }

    @Test
    void onlyHttpAndHttpsAreUrls() {
        assertThat(BlobUrl.isUrl("HTTPS://a.blob.core.windows.net/c")).isTrue();
        assertThat(BlobUrl.isUrl("http://127.0.0.1/x/y")).isTrue();
        assertThat(BlobUrl.isUrl("https-logs/PT1H.json")).isFalse();
        assertThat(BlobUrl.isUrl("/data/http://x")).isFalse();
    }
}
