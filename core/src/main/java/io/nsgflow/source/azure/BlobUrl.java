package io.nsgflow.source.azure;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A blob URL as the user typed it, taken apart without the SDK: the account's endpoint, the
 * container, a prefix or one blob's name in it, and the SAS query if there is one. Two shapes:
 * host style ({@code https://ACCOUNT.blob.core.windows.net/CONTAINER/PREFIX}, also sovereign
 * clouds and custom domains) and path style, where the account is the first path segment, as
 * emulators and IP endpoints serve it ({@code http://127.0.0.1:10000/devstoreaccount1/CONTAINER/PREFIX}).
 *
 * @param endpoint  the account's blob endpoint: scheme, host, port, and for path style the account segment; no trailing slash
 * @param account   the storage account name
 * @param container the container; never empty
 * @param path      the blob name or prefix after the container, decoded; empty for the whole container
 * @param sas       the query string without {@code ?} (a SAS token), or null
 */
public record BlobUrl(String endpoint, String account, String container, String path, String sas) {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** True when {@code arg} names an http or https URL, whatever follows. */
    public static boolean isUrl(String arg) {
        String lower = arg.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    /** @throws IllegalArgumentException with a reason the user can act on; never quoting the query */
    public static BlobUrl parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL (" + e.getReason() + ")");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("the URL has no host");
        }
        String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
        String[] segments = rawPath.startsWith("/") ? rawPath.substring(1).split("/", -1) : rawPath.split("/", -1);
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority();
        String sas = uri.getRawQuery() == null || uri.getRawQuery().isEmpty() ? null : uri.getRawQuery();
        int first;
        String account;
        String endpoint;
        if (isPathStyle(host)) {
            if (segments.length < 1 || segments[0].isEmpty()) {
                throw new IllegalArgumentException("a path-style URL names the account first: http://HOST:PORT/ACCOUNT/CONTAINER[/PREFIX]");
            }
            account = segments[0];
            endpoint = origin + "/" + account;
            first = 1;
        } else {
            account = host.substring(0, host.indexOf('.') < 0 ? host.length() : host.indexOf('.'));
            endpoint = origin;
            first = 0;
        }
        if (segments.length <= first || segments[first].isEmpty()) {
            throw new IllegalArgumentException("the URL names no container: " + endpoint + "/CONTAINER[/PREFIX]");
        }
        String container = decode(segments[first]);
        String path = decode(String.join("/", java.util.Arrays.copyOfRange(segments, first + 1, segments.length)));
        return new BlobUrl(endpoint, account, container, path, sas);
    }

    /** The SDK and Azurite treat IP addresses and {@code localhost} as path style; every named host is host style. */
    private static boolean isPathStyle(String host) {
        return IPV4.matcher(host).matches() || host.startsWith("[") || host.equalsIgnoreCase("localhost");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The container's URL, without any query: what the SDK is built on. */
    public String containerUrl() {
        return endpoint + "/" + container;
    }

    /** How nsgflow names the blob {@code name} of this container to the user: its URL, never with the SAS. */
    public String nameOf(String blobName) {
        return containerUrl() + "/" + blobName;
    }

    /** This URL without its query, for messages. */
    public String shown() {
        return path.isEmpty() ? containerUrl() : nameOf(path);
    }
}
