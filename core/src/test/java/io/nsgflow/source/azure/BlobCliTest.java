package io.nsgflow.source.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.Main;
import io.nsgflow.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CLI reading blob URLs from Azurite: the same answers as the same blobs downloaded, every
 * credential form, and the errors a user meets (wrong key, expired or read-only SAS, missing
 * container, unreachable host), never with a secret in what is printed.
 */
@ExtendWith(Azurite.Resolver.class)
class BlobCliTest {
    private static FlowLogAccount account;

    @TempDir
    static Path downloads;

    record Result(int exit, String out, String err) {
    }

    @BeforeAll
    static void upload(Azurite azurite) throws IOException {
        account = FlowLogAccount.of(azurite);
        for (String c : List.of(NetworkWatcher.NSG_CONTAINER, NetworkWatcher.VNET_CONTAINER)) {
            NetworkWatcher.download(account.writer.service().getBlobContainerClient(c), downloads.resolve(c));
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new Terminal(out, err, new ByteArrayInputStream(new byte[0]), false), args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** The CLI in its own JVM, for credentials that come from the environment. */
    static Result runWithEnv(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.nsgflow.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("AZURE_"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile(downloads, "out", ".txt");
        Path err = Files.createTempFile(downloads, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("nsgflow did not finish: " + String.join(" ", args));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String sasUrl(String container, String permissions, int hours) {
        return account.url(container) + "?" + account.sas(container, permissions, hours);
    }

    @ParameterizedTest
    @ValueSource(strings = {"flows -f ndjson", "summary -f json", "top --by pair --metric bytes -f csv", "rules -f csv",
        "timeline --every 15m -f csv", "conversations -f ndjson", "flows -f csv --threads 4 --since 2024-05-14T09:30:00Z --until 2024-05-14T10:15:00Z",
        "top --by nsg -f csv --nsg web-* --mac 00-0D-3A-4F-2B-19"})
    void aContainerReadsToTheSameOutputAsItsDownloadedCopy(String command) {
        for (String container : List.of(NetworkWatcher.NSG_CONTAINER, NetworkWatcher.VNET_CONTAINER)) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.add(sasUrl(container, "rl", 1));
            Result remote = run(args.toArray(String[]::new));
            args.set(args.size() - 1, downloads.resolve(container).toString());
            Result local = run(args.toArray(String[]::new));

            assertThat(remote.exit()).as(remote.err()).isEqualTo(local.exit());
            assertThat(remote.out()).as(command + " on " + container).isEqualTo(local.out()).isNotBlank();
        }
    }

    @Test
    void aContainerAndItsPrefixAndOneBlobAreInputs() {
        String container = account.url(NetworkWatcher.NSG_CONTAINER);
        String sas = "?" + account.sas(NetworkWatcher.NSG_CONTAINER, "rl", 1);
        String nsg = "/resourceId=/SUBSCRIPTIONS/5F3C9A2E-8B71-4D06-A9E4-2C7B1D8E6F40/RESOURCEGROUPS/RG-PROD/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/WEB-NSG/";
        String blob = nsg + "y=2024/m=05/d=14/h=09/m=00/macAddress=000D3A4F2B19/PT1H.json";

        Result prefix = run("flows", "-f", "csv", "--no-header", "--fields", "nsg,mac", container + nsg + sas);
        Result one = run("flows", "-f", "csv", "--no-header", "--fields", "nsg,mac", container + blob + sas);
        Result folderWithoutSlash = run("flows", "-f", "csv", "--no-header", "--fields", "nsg", container + nsg.substring(0, nsg.length() - 1) + sas);

        assertThat(prefix.out().lines().distinct()).containsExactly("WEB-NSG,000D3A4F2B19");
        assertThat(one.out().lines().count()).isPositive().isLessThan(prefix.out().lines().count());
        assertThat(folderWithoutSlash.out().lines().count()).isEqualTo(prefix.out().lines().count());
        assertThat(List.of(prefix.exit(), one.exit(), folderWithoutSlash.exit())).containsOnly(0);
    }

    @Test
    void aReadOnlySasReadsOneBlobButCannotListAContainer() {
        String blob = account.url(NetworkWatcher.NSG_CONTAINER)
                + "/resourceId=/SUBSCRIPTIONS/5F3C9A2E-8B71-4D06-A9E4-2C7B1D8E6F40/RESOURCEGROUPS/RG-PROD/PROVIDERS/MICROSOFT.NETWORK/"
                + "NETWORKSECURITYGROUPS/DB-NSG/y=2024/m=05/d=14/h=09/m=00/macAddress=000D3A4F7E62/PT1H.json";
        String sas = account.sas(NetworkWatcher.NSG_CONTAINER, "r", 1);

        Result one = run("summary", blob + "?" + sas);
        Result all = run("summary", account.url(NetworkWatcher.NSG_CONTAINER) + "?" + sas);

        assertThat(one.exit()).as(one.err()).isZero();
        assertThat(all.exit()).isEqualTo(3);
        assertThat(all.err()).contains("not allowed with the SAS token in the URL").contains("list (l)");
        assertNoSecret(all, sas);
    }

    @Test
    void anExpiredSasSaysSoAndNothingElseIsPrinted() {
        String sas = account.sas(NetworkWatcher.NSG_CONTAINER, "rl", -1);
        Result r = run("summary", account.url(NetworkWatcher.NSG_CONTAINER) + "?" + sas);

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err().lines().findFirst().orElseThrow())
                .startsWith("nsgflow: " + account.url(NetworkWatcher.NSG_CONTAINER) + ": open: refused with the SAS token in the URL: ")
                .contains("has the SAS expired");
        assertNoSecret(r, sas);
    }

    @Test
    void aMissingContainerIsNamed() {
        Result r = run("summary", account.url("no-such-container") + "?" + account.accountSas());

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains(": open: container 'no-such-container' not found in account 'devstoreaccount1'");
    }

    @Test
    void anEmptyPrefixIsAProblemButAnHourWithoutLogsIsAnEmptyAnswer() {
        String url = account.url(NetworkWatcher.NSG_CONTAINER);
        String sas = "?" + account.sas(NetworkWatcher.NSG_CONTAINER, "rl", 1);

        Result typo = run("flows", url + "/resourceId=/SUBSCRIPTIONS/NOPE/" + sas);
        Result quietHour = run("flows", "--since", "2023-01-01T00:00Z", "--until", "2023-01-01T01:00Z", url + sas);

        assertThat(typo.exit()).isEqualTo(3);
        assertThat(typo.err()).contains("SUBSCRIPTIONS/NOPE/: open: no blob under this prefix");
        assertThat(quietHour.exit()).isZero();
        assertThat(quietHour.err()).isEmpty();
    }

    @Test
    void anUnreachableHostFailsWithAReason() throws IOException {
        int closed;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Result refused = run("summary", "http://127.0.0.1:" + closed + "/devstoreaccount1/c?sv=2024&sig=abc");
        Result unknown = run("summary", "https://nsgflow-no-such-account.blob.core.invalid/c?sv=2024&sig=abc");

        assertThat(refused.exit()).isEqualTo(3);
        assertThat(refused.err()).contains("cannot reach http://127.0.0.1:" + closed + "/devstoreaccount1: connection refused");
        assertThat(unknown.exit()).isEqualTo(3);
        assertThat(unknown.err()).contains("cannot reach https://nsgflow-no-such-account.blob.core.invalid: unknown host");
    }

    @Test
    void connectionStringKeyAndSasTokenComeFromTheEnvironment() throws Exception {
        String url = account.url(NetworkWatcher.VNET_CONTAINER);
        String expected = run("flows", "-f", "csv", downloads.resolve(NetworkWatcher.VNET_CONTAINER).toString()).out();
        String token = account.sas(NetworkWatcher.VNET_CONTAINER, "rl", 1);

        Result cs = runWithEnv(Map.of("AZURE_STORAGE_CONNECTION_STRING", account.azurite.connectionString()), "flows", "-f", "csv", url);
        Result dev = runWithEnv(Map.of("AZURE_STORAGE_CONNECTION_STRING", "UseDevelopmentStorage=true"),
                "flows", "-f", "csv", "--auth", "connection-string", url);
        Result key = runWithEnv(Map.of("AZURE_STORAGE_ACCOUNT", Azurite.ACCOUNT, "AZURE_STORAGE_KEY", Azurite.KEY), "flows", "-f", "csv", url);
        Result sas = runWithEnv(Map.of("AZURE_STORAGE_SAS_TOKEN", "?" + token), "flows", "-f", "csv", url);

        for (Result r : List.of(cs, key, sas)) {
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).isEqualTo(expected);
            assertThat(r.err()).isEmpty();
        }
        // UseDevelopmentStorage=true signs for devstoreaccount1 with its well-known key, whatever the port
        assertThat(dev.exit()).as(dev.err()).isZero();
        assertThat(dev.out()).isEqualTo(expected);
    }

    @Test
    void aWrongKeyNamesTheCredentialAndNeverPrintsIt() throws Exception {
        String wrong = Azurite.KEY.substring(0, 40) + "A" + Azurite.KEY.substring(41);
        Result r = runWithEnv(Map.of("AZURE_STORAGE_KEY", wrong), "summary", "--debug", account.url(NetworkWatcher.NSG_CONTAINER));

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("open: refused with AZURE_STORAGE_KEY (account devstoreaccount1): ").contains("is the key the current one");
        assertNoSecret(r, wrong);
    }

    @Test
    void debugOutputMasksTheSasSignature() throws Exception {
        String sas = account.sas(NetworkWatcher.NSG_CONTAINER, "rl", 1);
        Result r = runWithEnv(Map.of(), "summary", "--debug", account.url(NetworkWatcher.NSG_CONTAINER) + "?" + sas);

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).as("the SDK's request log, on with --debug").contains("listBlobHierarchySegment").contains("sig=REDACTED");
        assertNoSecret(r, sas);
    }

    @Test
    void anExplicitAuthThatIsNotThereIsSaidBeforeAnyRequest() {
        Result r = run("summary", "--auth", "key", account.url(NetworkWatcher.NSG_CONTAINER));
        Result bad = run("summary", "--auth", "password", account.url(NetworkWatcher.NSG_CONTAINER));

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("open: --auth key: AZURE_STORAGE_KEY is not set");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown credential 'password'");
    }

    /** Neither the secret nor its signature part appears anywhere in what was printed. */
    static void assertNoSecret(Result r, String secret) {
        String signature = secret.contains("sig=") ? secret.replaceAll(".*sig=([^&]+).*", "$1") : secret;
        for (String s : List.of(secret, signature, java.net.URLDecoder.decode(signature, StandardCharsets.UTF_8))) {
            assertThat(r.out()).doesNotContain(s);
            assertThat(r.err()).doesNotContain(s);
        }
    }
}
