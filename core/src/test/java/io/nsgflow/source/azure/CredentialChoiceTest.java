package io.nsgflow.source.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nsgflow.source.Auth;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialChoiceTest {
    private static final BlobUrl PLAIN = BlobUrl.parse("https://acct.blob.core.windows.net/c");
    private static final BlobUrl WITH_SAS = BlobUrl.parse("https://acct.blob.core.windows.net/c?sv=1&sig=s");
    private static final Map<String, String> EVERYTHING = Map.of(
            "AZURE_STORAGE_CONNECTION_STRING", "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=k1",
            "AZURE_STORAGE_KEY", "k2",
            "AZURE_STORAGE_SAS_TOKEN", "?sv=2&sig=t");

    @Test
    void theOrderIsUrlSasConnectionStringKeySasTokenThenEntra() {
        assertThat(CredentialChoice.choose(WITH_SAS, Auth.AUTO, EVERYTHING).description()).isEqualTo("the SAS token in the URL");
        assertThat(CredentialChoice.choose(PLAIN, Auth.AUTO, EVERYTHING).kind()).isEqualTo(Auth.CONNECTION_STRING);
        assertThat(CredentialChoice.choose(PLAIN, Auth.AUTO, Map.of("AZURE_STORAGE_KEY", "k2", "AZURE_STORAGE_SAS_TOKEN", "t")).kind())
                .isEqualTo(Auth.KEY);
        assertThat(CredentialChoice.choose(PLAIN, Auth.AUTO, Map.of("AZURE_STORAGE_SAS_TOKEN", "?sv=2&sig=t")).secret())
                .isEqualTo("sv=2&sig=t");
        assertThat(CredentialChoice.choose(PLAIN, Auth.AUTO, Map.of()).kind()).isEqualTo(Auth.ENTRA);
    }

    @Test
    void aConnectionStringOrKeyForAnotherAccountIsPassedOver() {
        Map<String, String> other = Map.of(
                "AZURE_STORAGE_CONNECTION_STRING", "AccountName=other;AccountKey=k1",
                "AZURE_STORAGE_ACCOUNT", "other", "AZURE_STORAGE_KEY", "k2");

        assertThat(CredentialChoice.choose(PLAIN, Auth.AUTO, other).kind()).isEqualTo(Auth.ENTRA);
        assertThat(CredentialChoice.accountOf("UseDevelopmentStorage=true")).isEqualTo("devstoreaccount1");
    }

    @Test
    void authNamesOneAndSaysWhenItIsMissing() {
        assertThat(CredentialChoice.choose(WITH_SAS, Auth.KEY, EVERYTHING).kind()).isEqualTo(Auth.KEY);
        assertThat(CredentialChoice.choose(WITH_SAS, Auth.ENTRA, EVERYTHING).kind()).isEqualTo(Auth.ENTRA);
        assertThat(CredentialChoice.choose(PLAIN, Auth.SAS, EVERYTHING).description()).isEqualTo("AZURE_STORAGE_SAS_TOKEN");
        assertThatThrownBy(() -> CredentialChoice.choose(PLAIN, Auth.CONNECTION_STRING, Map.of()))
                .hasMessage("--auth connection-string: AZURE_STORAGE_CONNECTION_STRING is not set");
        assertThatThrownBy(() -> CredentialChoice.choose(PLAIN, Auth.SAS, Map.of()))
                .hasMessageContaining("the URL has no SAS token");
    }

    @Test
    void descriptionsNeverHoldTheSecret() {
        for (Auth a : Auth.values()) {
            CredentialChoice c = CredentialChoice.choose(WITH_SAS, a, EVERYTHING);
            assertThat(c.description()).doesNotContain("k1", "k2", "sig=");
        }
    }
}
