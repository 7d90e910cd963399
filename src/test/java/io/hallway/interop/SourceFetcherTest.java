package io.hallway.interop;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hallway.common.Problem;
import io.quarkus.runtime.configuration.MemorySize;

/**
 * The fetcher on its own, without the application: a raw HTTP server (and a TLS one with a certificate for
 * schedule.test) on 127.0.0.1, host names from a resolver of the test's own, settings built here.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SourceFetcherTest {

    private static final byte[] DOCUMENT = "{\"sessions\": []}".getBytes(StandardCharsets.UTF_8);
    private static final long LIMIT = 1024;

    private record Settings(List<String> allowedHosts, Optional<List<String>> allowedPrivateHosts, boolean requireHttps,
            Duration fetchTimeout, MemorySize maxDocumentSize) implements InteropConfig {
    }

    private static RawServer plain;
    private static RawServer secure;
    private static SSLContext trustingStub;

    @BeforeAll
    static void startServers(@TempDir Path keys) throws Exception {
        plain = new RawServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        KeyStore store = selfSigned(keys.resolve("stub.p12"), "schedule.test");
        SSLContext server = SSLContext.getInstance("TLS");
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, "changeit".toCharArray());
        server.init(keyManagers.getKeyManagers(), null, null);
        secure = new RawServer(server.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("stub", store.getCertificate("stub"));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        trustingStub = SSLContext.getInstance("TLS");
        trustingStub.init(null, trustManagers.getTrustManagers(), null);
        for (RawServer stub : List.of(plain, secure)) {
            stub.routes.put("/doc", ok(DOCUMENT));
            stub.routes.put("/moved", "HTTP/1.1 302 Found\r\nLocation: /doc\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        secure.routes.put("/down", ("HTTP/1.1 302 Found\r\nLocation: http://schedule.test:" + secure.port()
                + "/doc\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    @AfterAll
    static void stopServers() throws IOException {
        plain.close();
        secure.close();
    }

    @Test
    void a_host_that_resolves_to_a_loopback_address_is_refused_unless_an_operator_allows_it() {
        String url = "http://localhost:" + plain.port() + "/doc";
        int before = plain.requests.size();

        Problem refused = assertThrows(Problem.class, () -> fetcher(List.of("localhost"), List.of(), false).fetch(url));
        assertEquals(400, refused.status());
        assertThat(refused.getMessage(), containsString("host localhost resolves to a loopback address"));
        assertThat(refused.getMessage(), containsString("hallway.interop.allowed-private-hosts"));
        assertEquals(before, plain.requests.size(), "nothing was fetched");

        assertArrayEquals(DOCUMENT, fetcher(List.of("localhost"), List.of("localhost"), false).fetch(url));
    }

    @Test
    void a_host_with_one_private_address_among_public_ones_is_refused_before_any_connection() {
        SourceFetcher fetcher = fetcher(List.of("mixed.test"), List.of(), false);
        fetcher.resolver = host -> new InetAddress[] { InetAddress.getByName("8.8.8.8"), InetAddress.getByName("10.0.0.7") };

        Problem refused = assertThrows(Problem.class, () -> fetcher.fetch("http://mixed.test/schedule.json"));
        assertEquals(400, refused.status());
        assertThat(refused.getMessage(), containsString("resolves to a private address (10.0.0.7)"));
        assertEquals("sourceUrl", refused.violations().get(0).field());
    }

    @Test
    void the_host_is_looked_up_once_and_every_hop_goes_to_the_checked_address_under_the_host_s_name() {
        AtomicInteger lookups = new AtomicInteger();
        SourceFetcher fetcher = fetcher(List.of("schedule.test"), List.of("schedule.test"), false);
        // A rebinding name: the first answer is the stub, any later one an address where nothing listens.
        fetcher.resolver = host -> new InetAddress[] {
                InetAddress.getByName(lookups.getAndIncrement() == 0 ? "127.0.0.1" : "10.255.255.1") };
        int before = plain.requests.size();

        assertArrayEquals(DOCUMENT, fetcher.fetch("http://schedule.test:" + plain.port() + "/moved"));
        assertEquals(1, lookups.get());
        List<String> requests = plain.requests.subList(before, plain.requests.size());
        assertEquals(2, requests.size());
        requests.forEach(request -> assertThat(request, containsString("\r\nHost: schedule.test:" + plain.port() + "\r\n")));
    }

    @Test
    void an_http_source_is_refused_where_https_is_required() {
        int before = plain.requests.size();

        Problem refused = assertThrows(Problem.class,
                () -> fetcher(List.of("127.0.0.1"), List.of("127.0.0.1"), true).fetch("http://127.0.0.1:" + plain.port() + "/doc"));
        assertEquals(400, refused.status());
        assertThat(refused.getMessage(), containsString("must be an https URL"));
        assertEquals(before, plain.requests.size(), "nothing was fetched");
    }

    @Test
    void https_checks_the_certificate_against_the_host_name_while_connecting_to_the_checked_address() {
        SourceFetcher fetcher = fetcher(List.of("schedule.test", "other.test"), List.of("schedule.test", "other.test"), true);
        fetcher.resolver = host -> new InetAddress[] { InetAddress.getLoopbackAddress() };
        fetcher.tls = trustingStub.getSocketFactory();

        assertArrayEquals(DOCUMENT, fetcher.fetch("https://schedule.test:" + secure.port() + "/moved"));
        Problem refused = assertThrows(Problem.class, () -> fetcher.fetch("https://other.test:" + secure.port() + "/doc"));
        assertEquals(502, refused.status());
        assertThat(refused.getMessage(), containsString("TLS certificate or handshake was not accepted"));
    }

    @Test
    void a_redirect_from_https_to_http_is_refused() {
        SourceFetcher fetcher = fetcher(List.of("schedule.test"), List.of("schedule.test"), false);
        fetcher.resolver = host -> new InetAddress[] { InetAddress.getLoopbackAddress() };
        fetcher.tls = trustingStub.getSocketFactory();

        Problem refused = assertThrows(Problem.class, () -> fetcher.fetch("https://schedule.test:" + secure.port() + "/down"));
        assertEquals(400, refused.status());
        assertThat(refused.getMessage(), containsString("redirects from https to http"));
    }

    @Test
    void a_redirect_keeps_to_the_host_and_port_and_never_steps_down_to_http() {
        SourceFetcher fetcher = fetcher(List.of("schedule.test", "other.test"), List.of(), false);
        URI from = URI.create("http://schedule.test:8000/a");

        assertEquals(URI.create("http://schedule.test:8000/b?x=1"), fetcher.redirect(from, "/b?x=1"));
        assertEquals(URI.create("https://schedule.test:8000/b"), fetcher.redirect(from, "https://schedule.test:8000/b"));
        assertRefused("another host (other.test)", () -> fetcher.redirect(from, "http://other.test:8000/b"));
        assertRefused("another port (8001)", () -> fetcher.redirect(from, "http://schedule.test:8001/b"));
        assertRefused("another port (80)", () -> fetcher.redirect(from, "http://schedule.test/b"));
        assertRefused("another port (443)", () -> fetcher.redirect(URI.create("http://schedule.test/a"), "https://schedule.test/b"));
        assertRefused("from https to http", () -> fetcher.redirect(URI.create("https://schedule.test/a"), "http://schedule.test:443/b"));
        assertRefused("http or https URL", () -> fetcher.redirect(from, "ftp://schedule.test:8000/b"));
        assertRefused("must be an https URL",
                () -> fetcher(List.of("schedule.test"), List.of(), true).redirect(URI.create("https://schedule.test/a"), "http://schedule.test:443/b"));
    }

    @Test
    void chunked_close_delimited_and_early_hinted_answers_are_read() {
        plain.routes.put("/chunked", ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4;ext=1\r\n{\"se\r\nc\r\nssions\": []}\r\n0\r\nTrailer: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        plain.routes.put("/closed", concat("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n".getBytes(StandardCharsets.US_ASCII), DOCUMENT));
        plain.routes.put("/hinted", concat("HTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\n".getBytes(StandardCharsets.US_ASCII), ok(DOCUMENT)));
        SourceFetcher fetcher = fetcher(List.of("127.0.0.1"), List.of("127.0.0.1"), false);

        for (String path : List.of("/chunked", "/closed", "/hinted")) {
            assertArrayEquals(DOCUMENT, fetcher.fetch("http://127.0.0.1:" + plain.port() + path), path);
        }
    }

    @Test
    void bodies_over_the_limit_and_answers_it_cannot_read_are_refused() {
        byte[] big = new byte[(int) LIMIT + 1];
        plain.routes.put("/big-chunked", concat(("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(big.length) + "\r\n").getBytes(StandardCharsets.US_ASCII), big, "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
        plain.routes.put("/big-closed", concat("HTTP/1.1 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII), big));
        plain.routes.put("/gzip", concat("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 16\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII), DOCUMENT));
        plain.routes.put("/garbage", "SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.US_ASCII));
        SourceFetcher fetcher = fetcher(List.of("127.0.0.1"), List.of("127.0.0.1"), false);
        String base = "http://127.0.0.1:" + plain.port();

        assertEquals(413, assertThrows(Problem.class, () -> fetcher.fetch(base + "/big-chunked")).status());
        assertEquals(413, assertThrows(Problem.class, () -> fetcher.fetch(base + "/big-closed")).status());
        Problem gzip = assertThrows(Problem.class, () -> fetcher.fetch(base + "/gzip"));
        assertEquals(502, gzip.status());
        assertThat(gzip.getMessage(), containsString("Content-Encoding (gzip)"));
        assertEquals(502, assertThrows(Problem.class, () -> fetcher.fetch(base + "/garbage")).status());
    }

    @Test
    void a_source_that_trickles_its_answer_is_given_up_on_at_the_time_limit() {
        SourceFetcher fetcher = fetcher(List.of("127.0.0.1"), List.of("127.0.0.1"), false, Duration.ofSeconds(1));
        long start = System.nanoTime();

        Problem refused = assertThrows(Problem.class, () -> fetcher.fetch("http://127.0.0.1:" + plain.port() + "/trickle"));
        assertEquals(504, refused.status());
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(millis >= 900 && millis < 5_000, "gave up after " + millis + " ms, the limit being 1 s (the source takes 10 s)");
    }

    private static void assertRefused(String detail, org.junit.jupiter.api.function.Executable redirect) {
        Problem refused = assertThrows(Problem.class, redirect);
        assertEquals(400, refused.status());
        assertThat(refused.getMessage(), containsString(detail));
    }

    /** A fetcher with a time limit generous enough for cold TLS handshakes on a busy machine. */
    private static SourceFetcher fetcher(List<String> allowed, List<String> allowedPrivate, boolean requireHttps) {
        return fetcher(allowed, allowedPrivate, requireHttps, Duration.ofSeconds(10));
    }

    private static SourceFetcher fetcher(List<String> allowed, List<String> allowedPrivate, boolean requireHttps,
            Duration timeLimit) {
        SourceFetcher fetcher = new SourceFetcher();
        fetcher.config = new Settings(allowed, Optional.of(allowedPrivate), requireHttps, timeLimit,
                new MemorySize(BigInteger.valueOf(LIMIT)));
        return fetcher;
    }

    private static byte[] ok(byte[] body) {
        return concat(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII), body);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A key pair and self-signed certificate for {@code name}, made by the JDK's keytool. */
    private static KeyStore selfSigned(Path file, String name) throws Exception {
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "stub", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-ext", "SAN=dns:" + name, "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), output);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(file.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        return store;
    }

    /** Answers each path with fixed bytes and closes; /trickle sends a byte every 100 ms for 10 s. Records each request head. */
    private static final class RawServer implements AutoCloseable {
        final Map<String, byte[]> routes = new ConcurrentHashMap<>();
        final List<String> requests = new CopyOnWriteArrayList<>();
        private final ServerSocket server;
        private final ExecutorService threads = Executors.newCachedThreadPool();

        RawServer(ServerSocket server) {
            this.server = server;
            threads.submit(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        threads.submit(() -> answer(socket));
                    } catch (IOException e) {
                        // closed
                    }
                }
            });
        }

        int port() {
            return ((InetSocketAddress) server.getLocalSocketAddress()).getPort();
        }

        private void answer(Socket socket) {
            try (socket) {
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    int b = in.read();
                    if (b == -1) {
                        return;
                    }
                    head.write(b);
                }
                String request = head.toString(StandardCharsets.ISO_8859_1);
                requests.add(request);
                String path = request.split(" ", 3)[1];
                OutputStream out = socket.getOutputStream();
                if (path.equals("/trickle")) {
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < 100; i++) {
                        out.write(' ');
                        out.flush();
                        Thread.sleep(100);
                    }
                }
                out.write(routes.getOrDefault(path, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII)));
                out.flush();
            } catch (IOException | InterruptedException e) {
                // the client went away
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            threads.shutdownNow();
        }
    }
}
