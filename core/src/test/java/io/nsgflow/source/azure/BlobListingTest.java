package io.nsgflow.source.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import io.nsgflow.source.Auth;
import io.nsgflow.source.Input;
import io.nsgflow.source.InputScope;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How much a question costs in list requests, counted on the wire, on a container laid out as
 * Network Watcher writes it (two resource groups, 20 NSGs, two days of hours); and what a reader
 * sees when a blob changes under it.
 */
@ExtendWith(Azurite.Resolver.class)
class BlobListingTest {
    private static final String CONTAINER = "listing-" + NetworkWatcher.NSG_CONTAINER.substring(0, 30);
    /** Blobs that tests rewrite and append to, apart from the layout whose listing is counted. */
    private static final String CHANGING = "changing";
    private static final int NSGS_PER_GROUP = 10;
    private static final List<String> GROUPS = List.of("RG-EAST", "RG-WEST");
    private static final int DAYS = 2;
    private static final byte[] RECORD = NetworkWatcher.records(Path.of("samples/nsg-v2-PT1H.json")).get(0);

    private static FlowLogAccount account;

    @BeforeAll
    static void fill(Azurite azurite) throws InterruptedException, ExecutionException {
        account = FlowLogAccount.of(azurite);
        BlobContainerClient c = account.writer.container(CONTAINER);
        BinaryData blob = BinaryData.fromString("{\"records\":[" + new String(RECORD, StandardCharsets.UTF_8) + "]}");
        List<String> names = new ArrayList<>();
        for (String group : GROUPS) {
            for (int n = 0; n < NSGS_PER_GROUP; n++) {
                for (int day = 14; day < 14 + DAYS; day++) {
                    for (int hour = 0; hour < 24; hour++) {
                        names.add(name(group, String.format(Locale.ROOT, "NSG-%02d", n), day, hour));
                    }
                }
            }
        }
        ExecutorService uploads = Executors.newFixedThreadPool(8); // Azurite answers several at once
        try {
            for (Future<?> f : uploads.invokeAll(names.stream().<Callable<Object>>map(name -> () -> c.getBlobClient(name).uploadWithResponse(new BlobParallelUploadOptions(blob), null, null)).toList())) {
                f.get();
            }
        } finally {
            uploads.shutdownNow();
        }
    }

    private static String name(String group, String nsg, int day, int hour) {
        return String.format(Locale.ROOT, "resourceId=/SUBSCRIPTIONS/5F3C9A2E-8B71-4D06-A9E4-2C7B1D8E6F40/RESOURCEGROUPS/%s/PROVIDERS/"
                + "MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/%s/y=2024/m=05/d=%02d/h=%02d/m=00/macAddress=000D3A4F2B19/PT1H.json",
                group, nsg, day, hour);
    }

    private static InputScope scope(String since, String until, String nsg) {
        return new InputScope(since == null ? Long.MIN_VALUE : Instant.parse(since).toEpochMilli(),
                until == null ? Long.MAX_VALUE : Instant.parse(until).toEpochMilli(),
                name -> nsg == null || name.equalsIgnoreCase(nsg), Set.of(), Auth.AUTO, Map.of(), false);
    }

    private record Listed(List<String> blobs, long listRequests) {
    }

    private static Listed list(InputScope scope) {
        BlobInputs inputs = new BlobInputs(scope);
        List<String> problems = new ArrayList<>();
        List<Input> found = inputs.resolve(account.url(CONTAINER) + "?" + account.accountSas(), (n, r) -> problems.add(n + ": " + r));
        assertThat(problems).isEmpty();
        return new Listed(found.stream().map(i -> ((BlobInput) i).blobName()).toList(), inputs.listRequests());
    }

    @Test
    void aOneHourQuestionListsEachNsgsHourFoldersOnly() {
        Listed all = list(scope(null, null, null));
        Listed hour = list(scope("2024-05-14T09:00:00Z", "2024-05-14T10:00:00Z", null));

        // five levels down to the resource groups; four per group down to its NSGs; then, per NSG,
        // the hour asked and the next one (whose first records hold the last minute of the hour asked)
        int nsgs = GROUPS.size() * NSGS_PER_GROUP;
        assertThat(hour.listRequests()).isEqualTo(5 + 4L * GROUPS.size() + 2L * nsgs);
        assertThat(hour.blobs()).hasSize(2 * nsgs).allMatch(n -> n.contains("/d=14/h=09/") || n.contains("/d=14/h=10/"));
        assertThat(all.blobs()).hasSize(nsgs * DAYS * 24);
        // unpruned, every folder is listed: per NSG its own, y=, m=, two days, and three per hour (h=, m=00, macAddress=)
        assertThat(all.listRequests()).isEqualTo(5 + 4L * GROUPS.size() + (5 + 3L * 24 * DAYS) * nsgs);
    }

    @Test
    void anNsgAndADayArePrunedByTheirFolders() {
        Listed one = list(scope("2024-05-15T00:00:00Z", "2024-05-16T00:00:00Z", "nsg-03"));

        assertThat(one.blobs()).hasSize(GROUPS.size() * 24).allMatch(n -> n.contains("/NSG-03/y=2024/m=05/d=15/h="));
        // levels above the NSGs, then per matching NSG the day's folder and the next day's first hour
        assertThat(one.listRequests()).isEqualTo(5 + 4L * GROUPS.size() + 2L * GROUPS.size());
    }

    @Test
    void aBlobRewrittenDuringAReadFailsWithTheReasonInsteadOfMixingVersions() throws IOException {
        BlobContainerClient c = account.writer.container(CHANGING);
        String name = "rewritten/PT1H.json";
        byte[] big = new byte[BlobInput.CHUNK + 1000];
        java.util.Arrays.fill(big, (byte) ' ');
        c.getBlobClient(name).upload(BinaryData.fromBytes(big), true);
        Input blob = list1(name);

        try (InputStream in = blob.open()) {
            assertThat(in.read()).isEqualTo(' ');
            c.getBlobClient(name).upload(BinaryData.fromString("{\"records\":[]}"), true);
            assertThatThrownBy(() -> in.transferTo(new ByteArrayOutputStream()))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("the blob changed while it was read (its ETag changed");
        }
    }

    @Test
    void anAppendedBlobShowsItsNewBlocksToTheNextRead() throws IOException {
        BlobContainerClient c = account.writer.container(CHANGING);
        String name = "appended/PT1H.json";
        List<byte[]> records = NetworkWatcher.records(Path.of("samples/nsg-v2-PT1H.json"));
        account.writer.write(c, name, records.subList(0, 3));
        BlobInput before = list1(name);
        account.writer.append(c, name, records.subList(3, 5));
        BlobInput after = list1(name);

        assertThat(after.etag()).isNotEqualTo(before.etag());
        assertThat(after.committedBlocks()).hasSize(1 + 5 + 1);
        assertThat(before.committedBlocks()).hasSize(1 + 5 + 1); // the same blob, now
        String text = new String(after.open().readAllBytes(), StandardCharsets.UTF_8);
        StringBuilder expected = new StringBuilder("{\"records\":[");
        for (int i = 0; i < 5; i++) {
            expected.append(i == 0 ? "" : ",").append(new String(records.get(i), StandardCharsets.UTF_8));
        }
        assertThat(text).isEqualTo(expected.append("]}").toString());
        long closing = after.size() - 2;
        assertThat(new String(after.openRange(closing, 2L, after.etag()).readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("]}");
    }

    private static BlobInput list1(String name) {
        BlobInputs inputs = new BlobInputs(scope(null, null, null));
        List<Input> found = inputs.resolve(account.url(CHANGING) + "/" + name + "?" + account.accountSas(), (n, r) -> {
            throw new AssertionError(n + ": " + r);
        });
        assertThat(found).hasSize(1);
        return (BlobInput) found.get(0);
    }
}
