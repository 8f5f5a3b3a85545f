package io.nsgflow.diag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void secretsAreMaskedByTheirShape() {
        assertThat(Redaction.redact("GET https://a.blob.core.windows.net/c?sv=2024&sp=rl&sig=Zm9v%2Bbar%3D&se=x failed"))
                .isEqualTo("GET https://a.blob.core.windows.net/c?sv=2024&sp=rl&sig=REDACTED&se=x failed");
        assertThat(Redaction.redact("DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc+/==;EndpointSuffix=core.windows.net"))
                .isEqualTo("DefaultEndpointsProtocol=https;AccountName=a;AccountKey=REDACTED;EndpointSuffix=core.windows.net");
        assertThat(Redaction.redact("BlobEndpoint=x;SharedAccessSignature=sv=1&sig=abc"))
                .isEqualTo("BlobEndpoint=x;SharedAccessSignature=REDACTED");
        assertThat(Redaction.redact("Authorization: Bearer eyJ0eXAi.eyJhdWQi.c2ln")).isEqualTo("Authorization: Bearer REDACTED");
        assertThat(Redaction.redact("Authorization: SharedKey acct:c2lnbmF0dXJl=")).isEqualTo("Authorization: SharedKey acct:REDACTED");
    }

    @Test
    void aRememberedSecretIsMaskedWhereverItAppears() {
        Redaction.remember("k3y-that-has-no-telltale-shape");

        assertThat(Redaction.redact("key k3y-that-has-no-telltale-shape refused")).isEqualTo("key REDACTED refused");
    }

    @Test
    void textWithoutSecretsIsUnchanged() {
        String line = "samples/x/PT1H.json: record 3 tuple 2: \"1715677210,10.0.0.4\": bad port; signature=ok design=1";
        assertThat(Redaction.redact(line)).isEqualTo(line);
    }
}
