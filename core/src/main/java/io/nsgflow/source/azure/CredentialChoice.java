package io.nsgflow.source.azure;

import io.nsgflow.source.Auth;
import java.util.Locale;
import java.util.Map;

/**
 * The credential that reads one blob URL, chosen in the order users of the Azure CLI and azcopy
 * expect, or named by {@code --auth}; no SDK class is touched here.
 *
 * @param kind        which form was chosen (never {@link Auth#AUTO})
 * @param secret      the SAS token, connection string or account key; null for Entra ID and anonymous
 * @param description how messages name it; never the secret
 */
record CredentialChoice(Auth kind, String secret, String description) {
    static final String CONNECTION_STRING = "AZURE_STORAGE_CONNECTION_STRING";
    static final String ACCOUNT = "AZURE_STORAGE_ACCOUNT";
    static final String KEY = "AZURE_STORAGE_KEY";
    static final String SAS_TOKEN = "AZURE_STORAGE_SAS_TOKEN";
    static final String ENTRA = "Microsoft Entra ID (az login, managed identity, workload identity, "
            + "or a service principal in AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET)";

    /** @throws IllegalArgumentException when {@code --auth} names a credential that is not there */
    static CredentialChoice choose(BlobUrl url, Auth auth, Map<String, String> env) {
        String connection = present(env.get(CONNECTION_STRING));
        String key = present(env.get(KEY));
        String token = present(env.get(SAS_TOKEN));
        return switch (auth) {
            case AUTO -> {
                if (url.sas() != null) {
                    yield urlSas(url);
                }
                if (connection != null && url.account().equalsIgnoreCase(accountOf(connection))) {
                    yield new CredentialChoice(Auth.CONNECTION_STRING, connection, CONNECTION_STRING);
                }
                String keyAccount = present(env.get(ACCOUNT));
                if (key != null && (keyAccount == null || keyAccount.equalsIgnoreCase(url.account()))) {
                    yield keyChoice(url, key);
                }
                if (token != null) {
                    yield new CredentialChoice(Auth.SAS, strip(token), SAS_TOKEN);
                }
                yield new CredentialChoice(Auth.ENTRA, null, ENTRA);
            }
            case SAS -> {
                if (url.sas() != null) {
                    yield urlSas(url);
                }
                yield new CredentialChoice(Auth.SAS, strip(require(token, "--auth sas: the URL has no SAS token and " + SAS_TOKEN + " is not set")), SAS_TOKEN);
            }
            case CONNECTION_STRING -> new CredentialChoice(Auth.CONNECTION_STRING,
                    require(connection, "--auth connection-string: " + CONNECTION_STRING + " is not set"), CONNECTION_STRING);
            case KEY -> keyChoice(url, require(key, "--auth key: " + KEY + " is not set"));
            case ENTRA -> new CredentialChoice(Auth.ENTRA, null, ENTRA);
            case ANONYMOUS -> new CredentialChoice(Auth.ANONYMOUS, null, "anonymous access (no credential)");
        };
    }

    private static CredentialChoice urlSas(BlobUrl url) {
        return new CredentialChoice(Auth.SAS, url.sas(), "the SAS token in the URL");
    }

    private static CredentialChoice keyChoice(BlobUrl url, String key) {
        return new CredentialChoice(Auth.KEY, key, KEY + " (account " + url.account() + ")");
    }

    /** The account a connection string signs for; the emulator's for {@code UseDevelopmentStorage=true}. */
    static String accountOf(String connectionString) {
        String account = null;
        for (String part : connectionString.split(";")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (name.equals("accountname")) {
                account = part.substring(eq + 1).trim();
            } else if (name.equals("usedevelopmentstorage") && part.substring(eq + 1).trim().equalsIgnoreCase("true")) {
                account = "devstoreaccount1";
            }
        }
        return account;
    }

    private static String present(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String strip(String sas) {
        return sas.startsWith("?") ? sas.substring(1) : sas;
    }

    private static String require(String value, String missing) {
        if (value == null) {
            throw new IllegalArgumentException(missing);
        }
        return value;
    }
}
