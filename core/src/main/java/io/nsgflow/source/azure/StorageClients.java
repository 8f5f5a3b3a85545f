package io.nsgflow.source.azure;

import com.azure.core.credential.AzureSasCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import io.nsgflow.diag.Redaction;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the SDK's container clients for a command-line run: one HTTP client (the JDK's, not
 * Netty) shared by every account, timeouts and retries that suit a person waiting at a terminal,
 * the SDK's HTTP log only with {@code --debug}, and a count of the requests made.
 */
final class StorageClients {
    /** A wrong host or a dead network fails within seconds, not minutes. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Between bytes of a response; a stalled download is retried. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    /** Tries per request (the first and two retries), and one try's limit, long enough for a chunk on a slow link. */
    static final int TRIES = 3;
    static final Duration TRY_TIMEOUT = Duration.ofSeconds(60);
    static final Duration RETRY_DELAY = Duration.ofMillis(500);
    static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(4);

    /**
     * One HTTP client for the process, so that {@code follow} reuses its connections from poll to
     * poll. Its own threads, not azure-core's shared pool: azure-core shuts that pool down in a
     * shutdown hook, and a request in flight when SIGTERM comes would then never complete, so
     * {@code follow} could not finish its poll and save its checkpoint.
     */
    private static final class Shared {
        // built on first use, after SdkLogging.configure: the SDK's loggers take their level when first made
        static final HttpClient HTTP = new JdkHttpClientBuilder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .responseTimeout(TRY_TIMEOUT)
                .executor(Executors.newCachedThreadPool(task -> {
                    Thread t = new Thread(task, "nsgflow-storage");
                    t.setDaemon(true);
                    return t;
                }))
                .build();
    }

    private final boolean debug;
    private final AtomicLong listRequests = new AtomicLong();
    /** Requests sent by this process, by kind: what tests and benchmarks measure a run's cost by. */
    private static final Map<String, AtomicLong> SENT = new ConcurrentHashMap<>();

    StorageClients(boolean debug) {
        this.debug = debug;
        SdkLogging.configure(debug);
    }

    /** The client of {@code url}'s container, signed with {@code credential}. */
    BlobContainerClient container(BlobUrl url, CredentialChoice credential) {
        Redaction.remember(credential.secret());
        BlobContainerClientBuilder builder = new BlobContainerClientBuilder()
                .httpClient(Shared.HTTP)
                .retryOptions(new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, TRIES, TRY_TIMEOUT, RETRY_DELAY, MAX_RETRY_DELAY, null))
                .httpLogOptions(new HttpLogOptions().setLogLevel(debug ? HttpLogDetailLevel.HEADERS : HttpLogDetailLevel.NONE))
                .addPolicy(new RequestCounter());
        switch (credential.kind()) {
            case SAS -> builder.credential(new AzureSasCredential(credential.secret()));
            case CONNECTION_STRING -> builder.connectionString(credential.secret());
            case KEY -> builder.credential(new StorageSharedKeyCredential(url.account(), credential.secret()));
            case ENTRA -> builder.credential(new DefaultAzureCredentialBuilder().build());
            case ANONYMOUS -> builder.setAnonymousAccess();
            default -> throw new IllegalStateException("no credential chosen: " + credential.kind());
        }
        // after the connection string, which sets its own endpoint: the URL the user typed wins
        return builder.endpoint(url.containerUrl()).buildClient();
    }

    /** How many list requests (pages) were sent so far. */
    long listRequests() {
        return listRequests.get();
    }

    /**
     * How many requests this process has sent so far, by kind: {@code list} (a page of a listing),
     * {@code blocklist}, {@code read} (a GET of bytes, ranged or not), {@code properties} (HEAD),
     * {@code other}; and the bytes of the answers to reads ({@code readBytes}) and listings ({@code listBytes}).
     */
    static Map<String, Long> sent() {
        Map<String, Long> copy = new TreeMap<>();
        SENT.forEach((kind, n) -> copy.put(kind, n.get()));
        return copy;
    }

    /** Counts requests, once per try that reaches the wire. */
    private final class RequestCounter extends HttpPipelineSyncPolicy {
        @Override
        protected void beforeSendingRequest(HttpPipelineCallContext context) {
            count(context);
        }

        private void count(HttpPipelineCallContext context) {
            String query = context.getHttpRequest().getUrl().getQuery();
            String kind = switch (context.getHttpRequest().getHttpMethod()) {
                case GET -> query == null ? "read" : query.contains("comp=list") ? "list"
                        : query.contains("comp=blocklist") ? "blocklist" : "read";
                case HEAD -> "properties";
                default -> "other";
            };
            if (kind.equals("list")) {
                listRequests.incrementAndGet();
            }
            SENT.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        }

        @Override
        protected HttpResponse afterReceivedResponse(HttpPipelineCallContext context, HttpResponse response) {
            String length = response.getHeaderValue(HttpHeaderName.CONTENT_LENGTH);
            if (context.getHttpRequest().getHttpMethod() == HttpMethod.GET && length != null && response.getStatusCode() / 100 == 2) {
                String query = context.getHttpRequest().getUrl().getQuery();
                String kind = query != null && query.contains("comp=") ? "listBytes" : "readBytes";
                SENT.computeIfAbsent(kind, k -> new AtomicLong()).addAndGet(Long.parseLong(length));
            }
            return response;
        }

        @Override
        public HttpPipelinePosition getPipelinePosition() {
            return HttpPipelinePosition.PER_RETRY;
        }
    }
}
