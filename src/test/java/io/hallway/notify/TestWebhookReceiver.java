package io.hallway.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The operator's gateway as the tests see it: an HTTP server in the test JVM that checks each request's
 * Standard Webhooks signature (https://www.standardwebhooks.com/) with the JDK, and records what it accepts.
 * A request that fails a check is answered 401 and listed in {@link #failures()}. Thread-safe.
 * <p>
 * One receiver serves every {@code @QuarkusTest} of the JVM: {@link SharedReceiver} is a global test resource
 * (the annotation below, found wherever it sits, applies to every test class alike, so it restarts nothing) and
 * configures the application to relay to it; tests reach it through {@link #shared()}. Only an application
 * restarted for a test profile gets a new one. Deliveries from other tests arrive there too, so a test looks
 * only for its own notification ids.
 */
@QuarkusTestResource(TestWebhookReceiver.SharedReceiver.class)
public final class TestWebhookReceiver implements AutoCloseable {

    /** One accepted delivery: its webhook-id and its JSON body. */
    public record Received(String id, JsonNode body) {
    }

    private record Answer(int status, Integer retryAfterSeconds) {
    }

    /** Starts the shared receiver and points hallway.notify.webhook.* at it. */
    public static final class SharedReceiver implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            TestWebhookReceiver receiver = shared();
            return Map.of(WebhookRelay.URL, receiver.url(), WebhookRelay.SECRET, receiver.secret());
        }

        /**
         * Called when the application stops: at the end of the run, or before it restarts for a test profile,
         * whose start gets a fresh receiver. Nothing is left listening either way.
         */
        @Override
        public void stop() {
            synchronized (TestWebhookReceiver.class) {
                if (shared != null) {
                    shared.close();
                    shared = null;
                }
            }
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Standard Webhooks' suggested tolerance for the timestamp, against replays. */
    private static final long TOLERANCE_SECONDS = 5 * 60;
    private static TestWebhookReceiver shared;

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "test-webhook-receiver");
        thread.setDaemon(true);
        return thread;
    });
    private final String secret;
    private final byte[] key;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Deque<Answer> scripted = new ArrayDeque<>();

    private TestWebhookReceiver(String secret) throws IOException {
        this.secret = secret;
        this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A receiver of its own, checking signatures made with this secret ("whsec_" and base64). */
    public static TestWebhookReceiver start(String secret) {
        try {
            return new TestWebhookReceiver(secret);
        } catch (IOException e) {
            throw new IllegalStateException("Starting the test webhook receiver failed", e);
        }
    }

    /** The receiver the application relays to in every {@code @QuarkusTest}, started on first use. */
    public static synchronized TestWebhookReceiver shared() {
        if (shared == null) {
            shared = start(newSecret());
        }
        return shared;
    }

    /** A fresh Standard Webhooks secret of 32 random bytes. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getEncoder().encodeToString(bytes);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks";
    }

    public String secret() {
        return secret;
    }

    /** The next {@code times} deliveries are answered with this status (then 204 again). */
    public synchronized void answer(int status, Integer retryAfterSeconds, int times) {
        for (int i = 0; i < times; i++) {
            scripted.add(new Answer(status, retryAfterSeconds));
        }
    }

    /** Deliveries accepted, in order of arrival. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** What any delivery got wrong; empty when every one was signed correctly. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            JsonNode json;
            try {
                check(exchange.getRequestMethod().equals("POST"), "not a POST: " + exchange.getRequestMethod());
                check("application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type")),
                        "Content-Type is not application/json");
                checkSignature(id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"), body);
                json = JSON.readTree(body);
            } catch (Exception e) {
                failures.add(id + ": " + e.getMessage());
                respond(exchange, 401, null);
                return;
            }
            Answer answer;
            synchronized (this) {
                answer = scripted.poll();
                if (answer == null) {
                    received.add(new Received(id, json));
                }
            }
            respond(exchange, answer == null ? 204 : answer.status(), answer == null ? null : answer.retryAfterSeconds());
        }
    }

    private static void respond(HttpExchange exchange, int status, Integer retryAfterSeconds) throws IOException {
        if (retryAfterSeconds != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfterSeconds.toString());
        }
        exchange.sendResponseHeaders(status, -1);
    }

    /** Any "v1,<base64>" of the space-separated list must equal HMAC-SHA256 over "{id}.{timestamp}.{body}". */
    private void checkSignature(String id, String timestamp, String signatures, byte[] body)
            throws GeneralSecurityException {
        check(id != null && !id.isEmpty(), "no webhook-id");
        check(timestamp != null && timestamp.matches("[0-9]{1,12}"), "webhook-timestamp is not unix seconds: " + timestamp);
        check(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) <= TOLERANCE_SECONDS,
                "webhook-timestamp is more than 5 minutes away: " + timestamp);
        check(signatures != null, "no webhook-signature");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = mac.doFinal(body);
        for (String signature : signatures.split(" ")) {
            if (signature.startsWith("v1,")) {
                byte[] given;
                try {
                    given = Base64.getDecoder().decode(signature.substring(3));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (MessageDigest.isEqual(expected, given)) {
                    return;
                }
            }
        }
        throw new IllegalStateException("no v1 signature matches: " + signatures);
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(failure);
        }
    }
}
