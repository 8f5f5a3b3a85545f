package io.nsgflow.source.azure;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobStorageException;
import io.nsgflow.source.Auth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what the SDK throws into one line a user can act on: which credential was refused and the
 * service's reason, what is missing, a blob that changed while it was read, a host that does not
 * answer. Messages never carry a secret; {@link io.nsgflow.diag.Diagnostics} masks them again.
 */
final class StorageErrors {
    private StorageErrors() {
    }

    /** Why {@code e} stopped a request made with {@code credential} to {@code url}. */
    static String reason(Throwable e, BlobUrl url, CredentialChoice credential) {
        BlobStorageException storage = find(e, BlobStorageException.class);
        if (storage != null) {
            return storageReason(storage, url, credential);
        }
        ClientAuthenticationException auth = find(e, ClientAuthenticationException.class);
        if (auth != null) {
            return "authentication failed with " + credential.description() + ": " + firstLine(auth.getMessage())
                    + (credential.kind() == Auth.ENTRA ? " (run 'az login', or give a SAS or key: see --auth)" : "");
        }
        if (find(e, UnknownHostException.class) != null || find(e, UnresolvedAddressException.class) != null) {
            return "cannot reach " + host(url) + ": unknown host (check the account name and the network)";
        }
        if (find(e, ConnectException.class) != null) {
            return "cannot reach " + host(url) + ": connection refused";
        }
        if (find(e, HttpTimeoutException.class) != null || find(e, TimeoutException.class) != null) {
            return "no answer from " + host(url) + " in time (after " + StorageClients.TRIES + " tries)";
        }
        IOException io = find(e, IOException.class);
        if (io != null && io.getMessage() != null) {
            return "cannot read from " + host(url) + ": " + firstLine(io.getMessage());
        }
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            return firstLine(e.getMessage()); // the SDK's word on a URL or credential it cannot use
        }
        return firstLine(String.valueOf(e.getMessage()));
    }

    private static String storageReason(BlobStorageException e, BlobUrl url, CredentialChoice credential) {
        BlobErrorCode code = e.getErrorCode();
        int status = e.getStatusCode();
        String why = (code == null ? "HTTP " + status : code.toString()) + serviceMessage(e);
        if (BlobErrorCode.CONTAINER_NOT_FOUND.equals(code)) {
            return "container '" + url.container() + "' not found in account '" + url.account() + "'";
        }
        if (BlobErrorCode.BLOB_NOT_FOUND.equals(code) || (code == null && status == 404)) {
            return "blob not found (deleted since it was listed?)";
        }
        if (BlobErrorCode.CONDITION_NOT_MET.equals(code) || status == 412) {
            return "the blob changed while it was read (its ETag changed: rewritten or appended to); "
                    + "the records read before the change are kept; read it again";
        }
        if (BlobErrorCode.AUTHORIZATION_PERMISSION_MISMATCH.equals(code)
                || BlobErrorCode.AUTHORIZATION_RESOURCE_TYPE_MISMATCH.equals(code)
                || BlobErrorCode.AUTHORIZATION_SERVICE_MISMATCH.equals(code)) {
            return "not allowed with " + credential.description() + ": " + why + "; " + missingPermission(credential);
        }
        if (status == 403 || status == 401) {
            // AuthenticationFailed from Azure; Azurite says AuthorizationFailure for the same causes
            return "refused with " + credential.description() + ": " + why + "; " + authenticationHint(credential);
        }
        return why + " (HTTP " + status + ")";
    }

    /**
     * The service's own words: the {@code Message} and {@code AuthenticationErrorDetail} of its
     * error document (the SDK's {@code getServiceMessage()} is a generic hint), first line only.
     */
    private static String serviceMessage(BlobStorageException e) {
        String raw = e.getMessage() == null ? "" : e.getMessage();
        StringBuilder said = new StringBuilder();
        for (String tag : new String[] {"Message", "AuthenticationErrorDetail"}) {
            Matcher m = Pattern.compile("<" + tag + ">(.*?)</" + tag + ">", Pattern.DOTALL).matcher(raw);
            if (m.find()) {
                said.append(said.length() == 0 ? ": " : " ").append(firstLine(m.group(1)));
            }
        }
        return said.toString();
    }

    /** What usually makes a credential fail, by its kind. */
    private static String authenticationHint(CredentialChoice credential) {
        return switch (credential.kind()) {
            case SAS -> "has the SAS expired, or was it made for another account or container? It needs read (r) and list (l)";
            case KEY, CONNECTION_STRING -> "is the key the current one of the account this URL names?";
            case ENTRA -> "grant the identity the 'Storage Blob Data Reader' role on the account or container";
            default -> "the container may not allow anonymous access: give a credential (see --auth)";
        };
    }

    /** What to grant, by the credential that was refused. */
    private static String missingPermission(CredentialChoice credential) {
        return switch (credential.kind()) {
            case SAS -> "the SAS needs read (r) and list (l) permissions on the container";
            case ENTRA -> "grant the identity the 'Storage Blob Data Reader' role on the account or container";
            default -> "the credential cannot read this container";
        };
    }

    /** An {@link IOException} for a failure during a read, with the reason as its message. */
    static IOException io(Throwable e, BlobUrl url, CredentialChoice credential) {
        return new IOException(reason(e, url, credential), e);
    }

    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t instanceof UncheckedIOException && t.getCause() == null) {
                break;
            }
        }
        return null;
    }

    private static String host(BlobUrl url) {
        return url.endpoint();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String line = s.strip();
        int nl = line.indexOf('\n');
        return (nl < 0 ? line : line.substring(0, nl)).strip();
    }
}
