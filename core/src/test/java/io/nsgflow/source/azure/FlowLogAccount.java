package io.nsgflow.source.azure;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.common.sas.AccountSasPermission;
import com.azure.storage.common.sas.AccountSasResourceType;
import com.azure.storage.common.sas.AccountSasService;
import com.azure.storage.common.sas.AccountSasSignatureValues;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The account the Azure tests read, filled once per run: {@code samples/storage} (an azcopy
 * download of both containers) uploaded blob for blob, and, when {@code ../shared/samples} is
 * there, its real flow logs under the names Network Watcher would give them.
 */
final class FlowLogAccount {
    static final Path STORAGE = Path.of("samples/storage");
    static final Path SHARED = Path.of(System.getProperty("nsgflow.shared.samples", "../shared/samples"));
    /** The prefix of the shared samples' blobs, apart from the repository's own. */
    static final String SHARED_SUBSCRIPTION = "00000000-0000-0000-0000-0000000000AA";

    private static final Pattern TIME = Pattern.compile("\"time\"\\s*:\\s*\"(\\d{4})-(\\d\\d)-(\\d\\d)T(\\d\\d)");
    private static final Pattern MAC = Pattern.compile("\"macAddress\"\\s*:\\s*\"([0-9A-Fa-f-]{12,17})\"");
    private static final Pattern NSG = Pattern.compile("NETWORKSECURITYGROUPS/([^/\"]+)\"", Pattern.CASE_INSENSITIVE);

    final Azurite azurite;
    final NetworkWatcher writer;

    private FlowLogAccount(Azurite azurite) {
        this.azurite = azurite;
        this.writer = new NetworkWatcher(azurite);
    }

    /** The run's account, uploaded on first use. */
    static synchronized FlowLogAccount of(Azurite azurite) {
        if (instance == null || instance.azurite != azurite) {
            FlowLogAccount account = new FlowLogAccount(azurite);
            try {
                account.writer.uploadTree(STORAGE);
                account.uploadShared();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            instance = account;
        }
        return instance;
    }

    private static FlowLogAccount instance;

    /** The container's URL, path style, without a credential. */
    String url(String container) {
        return azurite.endpoint() + "/" + container;
    }

    /** A container SAS with {@code permissions}, valid from an hour ago for {@code hours} (negative: expired). */
    String sas(String container, String permissions, int hours) {
        BlobContainerClient c = writer.service().getBlobContainerClient(container);
        BlobServiceSasSignatureValues values = new BlobServiceSasSignatureValues(
                OffsetDateTime.now().plusHours(hours), BlobContainerSasPermission.parse(permissions))
                .setStartTime(OffsetDateTime.now().minusHours(2));
        return c.generateSas(values);
    }

    /** An account SAS that reads and lists every container, for a day. */
    String accountSas() {
        return writer.service().generateAccountSas(new AccountSasSignatureValues(OffsetDateTime.now().plusDays(1),
                AccountSasPermission.parse("rl"), AccountSasService.parse("b"), AccountSasResourceType.parse("sco")));
    }

    /** Each NSG sample of ../shared/samples as the blob Network Watcher would name it, from its first record. */
    private void uploadShared() throws IOException {
        if (!Files.isDirectory(SHARED)) {
            return;
        }
        BlobContainerClient container = writer.container(NetworkWatcher.NSG_CONTAINER);
        try (Stream<Path> files = Files.list(SHARED)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                String head = Files.readString(f).substring(0, (int) Math.min(Files.size(f), 20_000));
                Matcher time = TIME.matcher(head);
                Matcher nsg = NSG.matcher(head);
                if (!head.contains("NetworkSecurityGroupFlowEvent") || !time.find() || !nsg.find()) {
                    continue;
                }
                Matcher mac = MAC.matcher(head);
                String name = String.format(Locale.ROOT,
                        "resourceId=/SUBSCRIPTIONS/%s/RESOURCEGROUPS/SHARED/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/%s/"
                                + "y=%s/m=%s/d=%s/h=%s/m=00/macAddress=%s/PT1H.json",
                        SHARED_SUBSCRIPTION, nsg.group(1).toUpperCase(Locale.ROOT), time.group(1), time.group(2), time.group(3),
                        time.group(4), mac.find() ? mac.group(1).replace("-", "").toUpperCase(Locale.ROOT) : "000000000000");
                writer.write(container, name, NetworkWatcher.records(f));
            }
        }
    }
}
