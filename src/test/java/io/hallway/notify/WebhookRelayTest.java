package io.hallway.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.hallway.notify.DeliveryOutcome.Result;
import io.hallway.notify.TestWebhookReceiver.Received;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WebhookRelayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    WebhookRelay relay;

    @Inject
    NotifyConfig timeouts;

    @Test
    void every_test_application_relays_to_the_one_shared_receiver() {
        assertTrue(relay.enabled());
        assertEquals(TestWebhookReceiver.shared().url(),
                ConfigProvider.getConfig().getValue(WebhookRelay.URL, String.class));
    }

    @Test
    void the_gateway_verifies_the_signature_and_sees_the_same_id_on_each_attempt() throws Exception {
        String id = "ntf_" + UUID.randomUUID();
        byte[] json = "{\"title\":\"Room change\",\"body\":\"Keynote moves to Hall B — 🎤\"}".getBytes(StandardCharsets.UTF_8);

        DeliveryOutcome first = relay.send(id, json);
        DeliveryOutcome second = relay.send(id, json);

        assertEquals(Result.DELIVERED, first.result(), first.detail());
        assertEquals(Result.DELIVERED, second.result(), second.detail());
        List<Received> mine = receivedWith(id);
        assertEquals(2, mine.size());
        assertEquals(JSON.readTree(json), mine.get(0).body());
        assertEquals(mine.get(0), mine.get(1));
        assertEquals(List.of(), TestWebhookReceiver.shared().failures());
    }

    @Test
    void a_gateway_that_is_unavailable_is_tried_again_after_the_wait_it_asks_for() {
        String id = "ntf_" + UUID.randomUUID();
        TestWebhookReceiver.shared().answer(503, 12, 1);

        DeliveryOutcome unavailable = relay.send(id, "{}".getBytes(StandardCharsets.UTF_8));
        DeliveryOutcome retried = relay.send(id, "{}".getBytes(StandardCharsets.UTF_8));

        assertEquals(new DeliveryOutcome(Result.RETRY, 503, Duration.ofSeconds(12), "503"), unavailable);
        assertEquals(Result.DELIVERED, retried.result());
        assertEquals(1, receivedWith(id).size());
    }

    @Test
    void a_gateway_with_another_secret_refuses_the_signature_and_the_relay_gives_up() {
        try (TestWebhookReceiver otherGateway = TestWebhookReceiver.start(TestWebhookReceiver.newSecret())) {
            WebhookRelay relayWithOurSecret = new WebhookRelay(
                    config(otherGateway.url(), TestWebhookReceiver.shared().secret()), timeouts);

            DeliveryOutcome outcome = relayWithOurSecret.send("ntf_1", "{}".getBytes(StandardCharsets.UTF_8));

            assertEquals(Result.REJECTED, outcome.result());
            assertEquals(401, outcome.status());
            assertEquals(List.of(), otherGateway.received());
            assertTrue(otherGateway.failures().get(0).contains("no v1 signature matches"), otherGateway.failures().toString());
        }
    }

    @Test
    void without_a_url_the_relay_is_off() {
        WebhookRelay off = new WebhookRelay(config(null, null), timeouts);

        assertFalse(off.enabled());
        assertThrows(IllegalStateException.class, () -> off.send("ntf_1", "{}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_url_without_a_usable_secret_refuses_to_start_and_names_the_property() {
        String url = "https://gateway.example/hallway";
        String short23 = "whsec_" + Base64.getEncoder().encodeToString(new byte[23]);
        String unprefixed = Base64.getEncoder().encodeToString(new byte[32]);

        for (String secret : new String[] { null, "  ", short23, unprefixed, "whsec_not*base64" }) {
            IllegalStateException refusal = assertThrows(IllegalStateException.class,
                    () -> new WebhookRelay(config(url, secret), timeouts), String.valueOf(secret));
            assertTrue(refusal.getMessage().startsWith(WebhookRelay.SECRET), refusal.getMessage());
        }
        IllegalStateException notAUrl = assertThrows(IllegalStateException.class,
                () -> new WebhookRelay(config("gateway:8080", TestWebhookReceiver.newSecret()), timeouts));
        assertTrue(notAUrl.getMessage().startsWith(WebhookRelay.URL), notAUrl.getMessage());
    }

    private static List<Received> receivedWith(String id) {
        return TestWebhookReceiver.shared().received().stream().filter(r -> r.id().equals(id)).toList();
    }

    private static WebhookRelay.Config config(String url, String secret) {
        return new WebhookRelay.Config() {
            @Override
            public Optional<String> url() {
                return Optional.ofNullable(url);
            }

            @Override
            public Optional<String> secret() {
                return Optional.ofNullable(secret);
            }
        };
    }
}
