package io.nsgflow.source;

import java.util.Locale;

/**
 * Which credential reads a storage account: {@link #AUTO} tries them in the order users of the
 * Azure CLI and azcopy expect (a SAS in the URL, {@code AZURE_STORAGE_CONNECTION_STRING},
 * {@code AZURE_STORAGE_KEY}, {@code AZURE_STORAGE_SAS_TOKEN}, then Microsoft Entra ID); the others
 * name one explicitly.
 */
public enum Auth {
    AUTO("auto"),
    SAS("sas"),
    CONNECTION_STRING("connection-string"),
    KEY("key"),
    ENTRA("entra"),
    ANONYMOUS("anonymous");

    private final String option;

    Auth(String option) {
        this.option = option;
    }

    /** The name {@code --auth} takes. */
    public String option() {
        return option;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static Auth parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (Auth a : values()) {
            if (a.option.equals(lower)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown credential '" + text
                + "' (expected auto, sas, connection-string, key, entra or anonymous)");
    }
}
