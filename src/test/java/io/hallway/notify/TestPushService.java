package io.hallway.notify;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A push service in the test JVM, written from the RFCs with nothing of the sending library: for each message it
 * checks the VAPID token (RFC 8292) against the expected public key, decrypts the aes128gcm body (RFC 8291,
 * RFC 8188) with the subscriber's private key, and records the JSON inside. A message that fails a check is
 * answered 400 and listed in {@link #failures()}, which a good test expects to be empty. Thread-safe.
 */
public final class TestPushService implements AutoCloseable {

    /** A browser's subscription: its key pair and auth secret stay here, like a browser's. */
    public final class Subscriber {

        private final String path = "/push/" + UUID.randomUUID();
        private final KeyPair keys;
        private final byte[] authSecret = new byte[16];
        private final List<JsonNode> received = new CopyOnWriteArrayList<>();
        private final Deque<Answer> scripted = new ArrayDeque<>();
        private int requests;
        private boolean gone;

        private Subscriber() {
            keys = newP256KeyPair();
            RANDOM.nextBytes(authSecret);
        }

        public String endpoint() {
            return origin + path;
        }

        public String p256dh() {
            return base64Url(uncompressed((ECPublicKey) keys.getPublic()));
        }

        public String auth() {
            return base64Url(authSecret);
        }
    }

    private record Answer(int status, Integer retryAfterSeconds) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "test-push-service");
        thread.setDaemon(true);
        return thread;
    });
    private final String origin;
    private final String vapidPublicKey;
    private final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    /** While set, each message waits for it before its answer; {@link #waiting} counts them. */
    private volatile CountDownLatch held;
    private final Semaphore waiting = new Semaphore(0);

    private TestPushService(String vapidPublicKey) throws IOException {
        this.vapidPublicKey = vapidPublicKey;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
        origin = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A push service that accepts messages signed with this VAPID public key (base64url) only. */
    public static TestPushService start(String vapidPublicKeyBase64Url) {
        try {
            return new TestPushService(vapidPublicKeyBase64Url);
        } catch (IOException e) {
            throw new IllegalStateException("Starting the test push service failed", e);
        }
    }

    /** A new subscription with fresh keys, as a browser's PushManager.subscribe() makes one. */
    public Subscriber subscribe() {
        Subscriber subscriber = new Subscriber();
        subscribers.put(subscriber.path, subscriber);
        return subscriber;
    }

    /** The next {@code times} messages to this subscriber are answered with this status (then 201 again). */
    public void answer(Subscriber subscriber, int status, Integer retryAfterSeconds, int times) {
        synchronized (subscriber) {
            for (int i = 0; i < times; i++) {
                subscriber.scripted.add(new Answer(status, retryAfterSeconds));
            }
        }
    }

    /** The subscription has expired or was withdrawn: 410 from now on. */
    public void gone(Subscriber subscriber) {
        synchronized (subscriber) {
            subscriber.gone = true;
        }
    }

    /** From now on each message waits for its answer until {@link #answerHeld()}: a send stays in flight. */
    public void holdAnswers() {
        held = new CountDownLatch(1);
    }

    /** Waits until this many messages wait for their answer. */
    public void awaitHeld(int messages) throws InterruptedException {
        if (!waiting.tryAcquire(messages, 10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("fewer than " + messages + " messages arrived to be held");
        }
    }

    /** Answers the messages held, and answers the next ones at once again. */
    public void answerHeld() {
        CountDownLatch latch = held;
        held = null;
        latch.countDown();
    }

    /** The payloads decrypted and accepted for this subscriber, in order of arrival. */
    public List<JsonNode> received(Subscriber subscriber) {
        return List.copyOf(subscriber.received);
    }

    /** Every request to this subscriber's endpoint, whatever it was answered. */
    public int requests(Subscriber subscriber) {
        synchronized (subscriber) {
            return subscriber.requests;
        }
    }

    /** What any message got wrong; empty when every message was signed and encrypted correctly. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** The scheme, host and port every endpoint starts with: the audience VAPID tokens must name. */
    public String origin() {
        return origin;
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            Subscriber subscriber = subscribers.get(exchange.getRequestURI().getPath());
            if (subscriber == null || !exchange.getRequestMethod().equals("POST")) {
                respond(exchange, subscriber == null ? 404 : 405, null);
                return;
            }
            synchronized (subscriber) {
                subscriber.requests++;
            }
            JsonNode payload;
            try {
                checkHeaders(exchange);
                payload = JSON.readTree(decrypt(subscriber, body));
            } catch (Exception e) {
                failures.add(subscriber.path + ": " + e.getMessage());
                respond(exchange, 400, null);
                return;
            }
            Answer answer;
            synchronized (subscriber) {
                answer = subscriber.gone ? new Answer(410, null)
                        : subscriber.scripted.isEmpty() ? null : subscriber.scripted.poll();
                if (answer == null) {
                    subscriber.received.add(payload);
                }
            }
            CountDownLatch latch = held;
            if (latch != null) {
                waiting.release();
                awaitQuietly(latch);
            }
            respond(exchange, answer == null ? 201 : answer.status(), answer == null ? null : answer.retryAfterSeconds());
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, Integer retryAfterSeconds) throws IOException {
        if (retryAfterSeconds != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfterSeconds.toString());
        }
        exchange.sendResponseHeaders(status, -1);
    }

    /** RFC 8292 §2-3 and RFC 8030 §5: the VAPID token, TTL, content coding and topic. */
    private void checkHeaders(HttpExchange exchange) throws GeneralSecurityException, IOException {
        var headers = exchange.getRequestHeaders();
        check("aes128gcm".equals(headers.getFirst("Content-Encoding")), "Content-Encoding is not aes128gcm");
        String ttl = headers.getFirst("TTL");
        check(ttl != null && ttl.matches("[0-9]+"), "TTL is missing or not a number: " + ttl);
        String topic = headers.getFirst("Topic");
        check(topic == null || topic.matches("[A-Za-z0-9_-]{1,32}"), "Topic is not 1-32 base64url characters: " + topic);
        String authorization = headers.getFirst("Authorization");
        check(authorization != null && authorization.regionMatches(true, 0, "vapid ", 0, 6),
                "Authorization is not a vapid one: " + authorization);
        String token = null;
        String key = null;
        for (String parameter : authorization.substring(6).split(",")) {
            String[] nameAndValue = parameter.strip().split("=", 2);
            if (nameAndValue.length == 2 && nameAndValue[0].equals("t")) {
                token = nameAndValue[1];
            } else if (nameAndValue.length == 2 && nameAndValue[0].equals("k")) {
                key = nameAndValue[1];
            }
        }
        check(vapidPublicKey.equals(key), "k is not the expected VAPID public key: " + key);
        checkToken(token);
    }

    private void checkToken(String token) throws GeneralSecurityException, IOException {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        check(parts.length == 3, "t is not a JWS in compact form");
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        check("ES256".equals(header.path("alg").asText()), "the token's alg is not ES256: " + header);
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(publicKey(Base64.getUrlDecoder().decode(vapidPublicKey)));
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        check(verifier.verify(Base64.getUrlDecoder().decode(parts[2])), "the token's signature does not verify");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        check(origin.equals(claims.path("aud").asText()), "aud is not " + origin + ": " + claims);
        long now = Instant.now().getEpochSecond();
        long exp = claims.path("exp").asLong();
        check(exp > now && exp <= now + MAX_TOKEN_LIFETIME_SECONDS, "exp is not within the next 24 hours: " + claims);
        check(claims.path("sub").asText().matches("(mailto|https):.+"), "sub is not a mailto: or https: URL: " + claims);
    }

    /** RFC 8291 §3.3-3.4 on one RFC 8188 record: header, then AES-128-GCM of the payload, 0x02 and padding. */
    private static byte[] decrypt(Subscriber subscriber, byte[] body) throws GeneralSecurityException {
        ByteBuffer message = ByteBuffer.wrap(body);
        check(body.length > 21, "the body is shorter than an aes128gcm header");
        byte[] salt = new byte[16];
        message.get(salt);
        int recordSize = message.getInt();
        int keyIdLength = message.get() & 0xff;
        check(keyIdLength == 65 && message.remaining() > keyIdLength, "keyid is not a 65-byte P-256 point");
        byte[] senderPublic = new byte[keyIdLength];
        message.get(senderPublic);
        byte[] ciphertext = new byte[message.remaining()];
        message.get(ciphertext);
        check(ciphertext.length <= recordSize, "Web Push sends one record, but this one is longer than rs");

        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(subscriber.keys.getPrivate());
        agreement.doPhase(publicKey(senderPublic), true);
        byte[] ecdhSecret = agreement.generateSecret();
        byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII),
                uncompressed((ECPublicKey) subscriber.keys.getPublic()), senderPublic);
        byte[] inputKey = hkdf(subscriber.authSecret, ecdhSecret, keyInfo, 32);
        byte[] contentKey = hkdf(salt, inputKey, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
        byte[] nonce = hkdf(salt, inputKey, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);

        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = cipher.doFinal(ciphertext);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        check(end >= 0 && padded[end] == 2, "the record does not end with the last-record delimiter 0x02");
        return Arrays.copyOf(padded, end);
    }

    /** HKDF-SHA256 (RFC 5869) for outputs of at most one block, all Web Push needs. */
    private static byte[] hkdf(byte[] salt, byte[] inputKey, byte[] info, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] pseudoRandomKey = mac.doFinal(inputKey);
        mac.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
        mac.update(info);
        return Arrays.copyOf(mac.doFinal(new byte[] { 1 }), length);
    }

    static KeyPair newP256KeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is part of every JDK", e);
        }
    }

    /** A public key from its uncompressed point, 0x04 || x || y. */
    static PublicKey publicKey(byte[] point) throws GeneralSecurityException {
        check(point.length == 65 && point[0] == 4, "not an uncompressed P-256 point");
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
        return KeyFactory.getInstance("EC")
                .generatePublic(new ECPublicKeySpec(w, parameters.getParameterSpec(ECParameterSpec.class)));
    }

    static byte[] uncompressed(ECPublicKey key) {
        return concat(new byte[] { 4 }, unsigned32(key.getW().getAffineX()), unsigned32(key.getW().getAffineY()));
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
        return fixed;
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer joined = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(part -> part.length).sum());
        for (byte[] part : parts) {
            joined.put(part);
        }
        return joined.array();
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(failure);
        }
    }
}
