package io.nsgflow.source.azure;

import com.azure.core.http.rest.PagedResponse;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.ListBlobsOptions;
import io.nsgflow.source.FileInputs;
import io.nsgflow.source.Input;
import io.nsgflow.source.InputScope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Turns a blob URL into inputs: one blob, or every flow-log blob under a container or prefix,
 * listed level by level with a delimiter and pruned by {@link ListingPlan}, so that a one-hour
 * question on a year of logs lists a few folders per NSG, not every blob. Blobs come out sorted
 * by name, the order a walk of the same blobs downloaded by azcopy gives.
 */
public final class BlobInputs {
    /** Names per list request, the most the service returns. */
    private static final int PAGE = 5000;

    private final StorageClients clients;
    private final InputScope scope;
    private final ListingPlan plan;

    public BlobInputs(InputScope scope) {
        this.scope = scope;
        this.plan = new ListingPlan(scope);
        this.clients = new StorageClients(scope.debug());
    }

    /**
     * @param arg        the URL as the user typed it (it may carry a SAS; nothing here prints it)
     * @param unreadable told of a URL that cannot be listed, with the reason
     */
    public List<Input> resolve(String arg, BiConsumer<String, String> unreadable) {
        BlobUrl url;
        try {
            url = BlobUrl.parse(arg);
        } catch (IllegalArgumentException e) {
            unreadable.accept(withoutQuery(arg), e.getMessage());
            return List.of();
        }
        CredentialChoice credential;
        try {
            credential = CredentialChoice.choose(url, scope.auth(), scope.environment());
        } catch (IllegalArgumentException e) {
            unreadable.accept(url.shown(), e.getMessage());
            return List.of();
        }
        try {
            Listing listing = new Listing(clients.container(url, credential), url, credential);
            List<Input> found = listing.run();
            if (found.isEmpty() && !listing.seenAny) {
                unreadable.accept(url.shown(), url.path().isEmpty() ? "the container is empty" : "no blob under this prefix");
            }
            return found;
        } catch (RuntimeException e) {
            unreadable.accept(url.shown(), StorageErrors.reason(e, url, credential));
            return List.of();
        }
    }

    /** Requests this process has sent to storage accounts so far, by kind, and bytes received: for {@code --debug}. */
    public static Map<String, Long> requestsSent() {
        return StorageClients.sent();
    }

    /** How many list requests this run made, for {@code --debug} and tests. */
    public long listRequests() {
        return clients.listRequests();
    }

    /** One walk of one URL's container. */
    private final class Listing {
        private final BlobContainerClient container;
        private final BlobUrl url;
        private final CredentialChoice credential;
        private final List<BlobInput> found = new ArrayList<>();
        private boolean seenAny;

        Listing(BlobContainerClient container, BlobUrl url, CredentialChoice credential) {
            this.container = container;
            this.url = url;
            this.credential = credential;
        }

        List<Input> run() {
            String path = url.path();
            if (path.isEmpty() || path.endsWith("/")) {
                walk(path);
            } else if (FileInputs.isBlobName(path)) {
                // one blob: its properties need only read permission, as a download does
                BlobProperties p = container.getBlobClient(path).getProperties();
                seenAny = true;
                found.add(new BlobInput(container, url, credential, path, p.getETag(), p.getBlobSize(), p.getLastModified().toInstant()));
            } else {
                walk(path + "/"); // a folder named without its slash
            }
            found.sort(Comparator.comparing(BlobInput::blobName));
            return List.<Input>copyOf(found);
        }

        private void walk(String prefix) {
            List<String> hours = plan.hourFolders(prefix);
            if (hours != null) {
                seenAny = true; // the NSG's folder was itself listed from its parent
                for (String hour : hours) {
                    for (BlobItem item : page(hour, null)) {
                        keep(item);
                    }
                }
                return;
            }
            for (BlobItem item : page(prefix, "/")) {
                seenAny = true;
                if (Boolean.TRUE.equals(item.isPrefix())) {
                    if (plan.enter(item.getName())) {
                        walk(item.getName());
                    }
                } else {
                    keep(item);
                }
            }
        }

        private void keep(BlobItem item) {
            if (FileInputs.isBlobName(item.getName()) && plan.read(item.getName())) {
                add(item);
            }
        }

        private void add(BlobItem item) {
            found.add(new BlobInput(container, url, credential, item.getName(), item.getProperties().getETag(),
                    item.getProperties().getContentLength(), item.getProperties().getLastModified().toInstant()));
        }

        /** Every item under {@code prefix}, one level deep when {@code delimiter} is given, page by page. */
        private List<BlobItem> page(String prefix, String delimiter) {
            ListBlobsOptions options = new ListBlobsOptions().setPrefix(prefix.isEmpty() ? null : prefix).setMaxResultsPerPage(PAGE);
            List<BlobItem> items = new ArrayList<>();
            Iterable<PagedResponse<BlobItem>> pages = delimiter == null
                    ? container.listBlobs(options, null).iterableByPage()
                    : container.listBlobsByHierarchy(delimiter, options, null).iterableByPage();
            for (PagedResponse<BlobItem> p : pages) {
                items.addAll(p.getValue());
            }
            return items;
        }
    }

    private static String withoutQuery(String arg) {
        int q = arg.indexOf('?');
        return q < 0 ? arg : arg.substring(0, q);
    }
}
