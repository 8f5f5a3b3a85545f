package io.nsgflow.source.azure;

import com.azure.core.credential.AzureSasCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipelineCallContext;
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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the SDK's container clients for a command-line run: one HTTP client (the JDK's, not
 * Netty) shared by every account, timeouts and retries that suit a person waiting at a terminal,
 * the SDK's HTTP log only with {@code --debug}, and a count of the list requests made.
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

    private final HttpClient http;
    private final boolean debug;
    private final AtomicLong listRequests = new AtomicLong();

    StorageClients(boolean debug) {
        this.debug = debug;
        SdkLogging.configure(debug);
        this.http = new JdkHttpClientBuilder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .responseTimeout(TRY_TIMEOUT)
                .build();
    }

    /** The client of {@code url}'s container, signed with {@code credential}. */
    BlobContainerClient container(BlobUrl url, CredentialChoice credential) {
        Redaction.remember(credential.secret());
        BlobContainerClientBuilder builder = new BlobContainerClientBuilder()
                .httpClient(http)
                .retryOptions(new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, TRIES, TRY_TIMEOUT, RETRY_DELAY, MAX_RETRY_DELAY, null))
                .httpLogOptions(new HttpLogOptions().setLogLevel(debug ? HttpLogDetailLevel.HEADERS : HttpLogDetailLevel.NONE))
                .addPolicy(new ListCounter());
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

    /** Counts requests that list a container, once per try that reaches the wire. */
    private final class ListCounter extends HttpPipelineSyncPolicy {
        @Override
        protected void beforeSendingRequest(HttpPipelineCallContext context) {
            count(context);
        }

        private void count(HttpPipelineCallContext context) {
            String query = context.getHttpRequest().getUrl().getQuery();
            if (query != null && query.contains("comp=list")) {
                listRequests.incrementAndGet();
            }
        }

        @Override
        public HttpPipelinePosition getPipelinePosition() {
            return HttpPipelinePosition.PER_RETRY;
        }
    }
}
