package io.hallway.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hallway.notify.DeliveryOutcome.Result;
import io.hallway.notify.TestPushService.Subscriber;
import io.hallway.notify.WebPush.PushEndpoint;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WebPushTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TTL = Duration.ofHours(1);
    private static final com.interaso.webpush.WebPush.Urgency NORMAL = com.interaso.webpush.WebPush.Urgency.Normal;

    @Inject
    WebPush webPush;

    @Inject
    VapidKeys keys;

    TestPushService pushService;

    @BeforeEach
    void startPushService() {
        pushService = TestPushService.start(keys.publicKeyBase64Url());
    }

    @AfterEach
    void stopPushService() {
        pushService.close();
    }

    @Test
    void the_browser_decrypts_exactly_the_json_that_was_sent() throws IOException {
        Subscriber browser = pushService.subscribe();
        JsonNode notification = JSON.readTree("{\"title\":\"Room change\",\"body\":\"Keynote moves to Hall B — 🎤\","
                + "\"sessionId\":42}");

        DeliveryOutcome outcome = webPush.send(endpointOf(browser), JSON.writeValueAsBytes(notification), TTL,
                "session-42");

        assertEquals(Result.DELIVERED, outcome.result(), outcome.detail());
        assertEquals(201, outcome.status());
        assertEquals(List.of(notification), pushService.received(browser));
        assertEquals(List.of(), pushService.failures());
    }

    @Test
    void the_largest_payload_a_push_service_must_take_is_delivered_and_a_larger_one_is_refused_before_sending() {
        Subscriber browser = pushService.subscribe();
        String padding = "x".repeat(WebPush.MAX_PAYLOAD_BYTES - "{\"p\":\"\"}".length());
        byte[] largest = ("{\"p\":\"" + padding + "\"}").getBytes(StandardCharsets.UTF_8);

        assertEquals(Result.DELIVERED, webPush.send(endpointOf(browser), largest, TTL, null).result());
        assertEquals(padding, pushService.received(browser).get(0).get("p").asText());
        assertThrows(IllegalArgumentException.class,
                () -> webPush.send(endpointOf(browser), new byte[WebPush.MAX_PAYLOAD_BYTES + 1], TTL, null));
        assertEquals(1, pushService.requests(browser));
        assertEquals(List.of(), pushService.failures());
    }

    @Test
    void an_expired_subscription_is_gone() {
        Subscriber browser = pushService.subscribe();
        pushService.gone(browser);

        DeliveryOutcome outcome = webPush.send(endpointOf(browser), json("gone"), TTL, null);

        assertEquals(Result.GONE, outcome.result());
        assertEquals(410, outcome.status());
        assertEquals(List.of(), pushService.received(browser));
    }

    @Test
    void a_throttled_message_is_retried_after_the_wait_the_push_service_asks_for() {
        Subscriber browser = pushService.subscribe();
        pushService.answer(browser, 429, 30, 1);

        DeliveryOutcome throttled = webPush.send(endpointOf(browser), json("first"), TTL, null);
        DeliveryOutcome next = webPush.send(endpointOf(browser), json("second"), TTL, null);

        assertEquals(new DeliveryOutcome(Result.RETRY, 429, Duration.ofSeconds(30), "429"), throttled);
        assertEquals(Result.DELIVERED, next.result());
        assertEquals(List.of("second"), pushService.received(browser).stream().map(n -> n.get("text").asText()).toList());
        assertEquals(2, pushService.requests(browser));
    }

    @Test
    void a_server_error_without_retry_after_is_retried_when_the_worker_sees_fit() {
        Subscriber browser = pushService.subscribe();
        pushService.answer(browser, 500, null, 1);

        DeliveryOutcome outcome = webPush.send(endpointOf(browser), json("oops"), TTL, null);

        assertEquals(Result.RETRY, outcome.result());
        assertEquals(500, outcome.status());
        assertNull(outcome.retryAfter());
    }

    @Test
    void a_push_service_that_does_not_answer_is_retried_with_status_0() throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        Subscriber browser = pushService.subscribe();
        PushEndpoint nowhere = new PushEndpoint("http://127.0.0.1:" + deadPort + "/push/x", browser.p256dh(),
                browser.auth());

        DeliveryOutcome outcome = webPush.send(nowhere, json("hello?"), TTL, null);

        assertEquals(Result.RETRY, outcome.result(), outcome.detail());
        assertEquals(0, outcome.status());
        assertNull(outcome.retryAfter());
    }

    @Test
    void a_message_the_push_service_refuses_is_rejected_for_good() {
        Subscriber browser = pushService.subscribe();
        pushService.answer(browser, 400, null, 1);

        DeliveryOutcome outcome = webPush.send(endpointOf(browser), json("bad"), TTL, null);

        assertEquals(Result.REJECTED, outcome.result());
        assertEquals(400, outcome.status());
    }

    @Test
    void a_topic_longer_than_32_characters_is_refused_before_sending() {
        Subscriber browser = pushService.subscribe();

        assertThrows(IllegalArgumentException.class,
                () -> webPush.send(endpointOf(browser), json("t"), TTL, "a".repeat(33)));
        assertThrows(IllegalArgumentException.class, () -> webPush.send(endpointOf(browser), json("t"), TTL, "no spaces"));
        assertEquals(0, pushService.requests(browser));
    }

    @Test
    void a_subscription_with_keys_no_browser_would_give_is_refused() {
        Subscriber browser = pushService.subscribe();

        assertThrows(IllegalArgumentException.class, () -> new PushEndpoint("not a url", browser.p256dh(), browser.auth()));
        assertThrows(IllegalArgumentException.class,
                () -> new PushEndpoint(browser.endpoint(), browser.auth(), browser.auth()));
        assertThrows(IllegalArgumentException.class,
                () -> new PushEndpoint(browser.endpoint(), browser.p256dh(), browser.p256dh()));
        assertThrows(IllegalArgumentException.class, () -> new PushEndpoint(browser.endpoint(), "+/=", browser.auth()));
    }

    @Test
    void the_test_push_service_refuses_a_tampered_ciphertext_and_a_forged_token() throws Exception {
        Subscriber browser = pushService.subscribe();
        var messages = new com.interaso.webpush.WebPush(keys.subject(),
                new com.interaso.webpush.VapidKeys(keys.publicKey(), keys.privateKey()));
        byte[] body = messages.getBody(json("tampered"), Base64.getUrlDecoder().decode(browser.p256dh()),
                Base64.getUrlDecoder().decode(browser.auth()));
        String token = messages.getToken(pushService.origin(), 3600);
        body[body.length - 20] ^= 1;

        assertEquals(400, post(browser, body, messages.getHeadersWithToken(token, 60, null, NORMAL)));
        assertEquals(1, pushService.failures().size(), pushService.failures().toString());

        byte[] intact = messages.getBody(json("forged"), Base64.getUrlDecoder().decode(browser.p256dh()),
                Base64.getUrlDecoder().decode(browser.auth()));
        int inSignature = token.length() - 20;
        String forged = token.substring(0, inSignature) + (token.charAt(inSignature) == 'A' ? 'B' : 'A')
                + token.substring(inSignature + 1);
        assertEquals(400, post(browser, intact, messages.getHeadersWithToken(forged, 60, null, NORMAL)));
        assertEquals(2, pushService.failures().size(), pushService.failures().toString());
        assertTrue(pushService.failures().get(1).contains("signature"), pushService.failures().toString());
        assertEquals(List.of(), pushService.received(browser));
    }

    @Test
    void a_message_signed_with_another_vapid_key_is_refused_by_the_push_service() {
        String anotherKey = TestPushService
                .base64Url(TestPushService.uncompressed((ECPublicKey) TestPushService.newP256KeyPair().getPublic()));
        try (TestPushService expectingAnotherKey = TestPushService.start(anotherKey)) {
            Subscriber browser = expectingAnotherKey.subscribe();

            DeliveryOutcome outcome = webPush.send(endpointOf(browser), json("who are you"), TTL, null);

            assertEquals(Result.REJECTED, outcome.result());
            assertEquals(400, outcome.status());
            assertTrue(expectingAnotherKey.failures().get(0).contains("k is not the expected"),
                    expectingAnotherKey.failures().toString());
        }
    }

    private static PushEndpoint endpointOf(Subscriber browser) {
        return new PushEndpoint(browser.endpoint(), browser.p256dh(), browser.auth());
    }

    private static byte[] json(String text) {
        return ("{\"text\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static int post(Subscriber browser, byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(browser.endpoint()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
