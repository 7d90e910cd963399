package io.hallway.notify;

import static io.hallway.testing.LiveFixtures.clockAt;
import static io.hallway.testing.PeopleFixtures.profile;
import static io.hallway.testing.PeopleFixtures.saveProfile;
import static io.hallway.testing.ScheduleFixtures.create;
import static io.hallway.testing.ScheduleFixtures.newEvent;
import static io.hallway.testing.ScheduleFixtures.room;
import static io.hallway.testing.ScheduleFixtures.talk;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.Db;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Registering, listing and removing browser push subscriptions, choosing kinds, and the person's data. */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PushSubscriptionTest {

    @Inject
    DataSource dataSource;

    @Inject
    QueuedNotifications queuedNotifications;

    @Inject
    DeliveryWorker worker;

    @Inject
    NotifyConfig config;

    private static final String POINT = key(65, (byte) 0x04);
    private static final String AUTH = key(16, (byte) 0x01);

    @Test
    void a_subscription_is_mine_to_list_and_remove_and_registering_it_again_replaces_it() {
        String slug = newEvent("push-mine");
        String endpoint = endpoint();
        long id = subscribe(Api.attendee(), slug, body(endpoint, POINT, AUTH)).statusCode(201)
                .header("Location", containsString("/api/events/" + slug + "/push-subscriptions/"))
                .body("endpoint", equalTo(endpoint)).body("$", not(hasKey("keys")))
                .extract().jsonPath().getLong("id");
        subscribe(Api.attendee(), slug, body(endpoint, key(65, (byte) 0x04), key(16, (byte) 0x02))).statusCode(200)
                .body("id", equalTo((int) id));
        Api.attendee().get(path(slug)).then().statusCode(200).body("id", contains((int) id));

        Api.otherAttendee().delete(path(slug) + "/" + id).then().statusCode(404);
        Api.attendee().delete(path(slug) + "/" + id).then().statusCode(204);
        Api.attendee().delete(path(slug) + "/" + id).then().statusCode(404);
        Api.attendee().get(path(slug)).then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void a_browser_someone_else_signs_in_on_becomes_theirs_without_what_still_waited_for_me() {
        String slug = newEvent("push-handover");
        String endpoint = endpoint();
        subscribe(Api.attendee(), slug, body(endpoint, POINT, AUTH)).statusCode(201);
        // Hana asks Ada to meet: news for Ada, waiting to go to her browser.
        clockAt("08:00");
        create(slug, talk("Later on", room(slug, "Hall", 100), "10:00", "10:30"));
        long ada = saveProfile(Tokens.attendee(), slug, Map.of("displayName", "Ada", "inDirectory", true));
        Api.attendee().body(Map.of("whoMayAsk", "anyone")).put("/api/events/" + slug + "/me/meeting-settings").then()
                .statusCode(200);
        profile(Tokens.of("hana"), slug, "Hana");
        Api.as(Tokens.of("hana")).body(Map.of("profileId", ada, "minutes", 15)).post("/api/events/" + slug + "/meetings")
                .then().statusCode(201);
        queuedNotifications.write();
        worker.seal(Instant.now().plus(config.collectWindow()).plusSeconds(1));
        Db db = new Db(dataSource);
        assertTrue(pendingTo(db, endpoint) > 0, "a delivery waits for Ada's browser");

        subscribe(Api.otherAttendee(), slug, body(endpoint, POINT, AUTH)).statusCode(200);

        Api.attendee().get(path(slug)).then().statusCode(200).body("", hasSize(0));
        Api.otherAttendee().get(path(slug)).then().statusCode(200).body("endpoint", contains(endpoint));
        assertEquals(0, pendingTo(db, endpoint), "none of Ada's news reaches Bruno's screen");
    }

    private static long pendingTo(Db db, String endpoint) {
        return db.count("""
                select count(*) from notification_delivery d join push_subscription s on s.id = d.subscription_id
                where s.endpoint = ? and d.state = 'pending'""", endpoint);
    }

    @Test
    void what_no_push_service_of_ours_would_take_is_refused_and_nothing_is_stored() {
        String slug = newEvent("push-refused");
        String[][] refused = {
                { "https://169.254.169.254/latest/meta-data", POINT, AUTH, "endpoint" },
                { "javascript:alert(1)", POINT, AUTH, "endpoint" },
                { "ftp://127.0.0.1/push", POINT, AUTH, "endpoint" },
                { endpoint(), key(33, (byte) 0x02), AUTH, "keys.p256dh" },
                { endpoint(), key(65, (byte) 0x05), AUTH, "keys.p256dh" },
                { endpoint(), "not base64!", AUTH, "keys.p256dh" },
                { endpoint(), POINT, key(8, (byte) 1), "keys.auth" } };
        for (String[] request : refused) {
            subscribe(Api.attendee(), slug, body(request[0], request[1], request[2])).statusCode(400)
                    .contentType("application/problem+json").body("violations.field", hasItem(request[3]));
        }
        Map<String, Object> noKeys = new HashMap<>(Map.of("endpoint", endpoint()));
        subscribe(Api.attendee(), slug, noKeys).statusCode(400).contentType("application/problem+json");
        Api.attendee().get(path(slug)).then().statusCode(200).body("", hasSize(0));
        subscribe(Api.anonymous(), slug, body(endpoint(), POINT, AUTH)).statusCode(401);
        subscribe(Api.attendee(), "no-such-event", body(endpoint(), POINT, AUTH)).statusCode(404);
    }

    @Test
    void past_the_limit_a_new_subscription_is_a_409() {
        String slug = newEvent("push-limit");
        RequestSpecification zoe = Api.as(Tokens.of("zoe"));
        for (int i = 0; i < 10; i++) {
            subscribe(Api.as(Tokens.of("zoe")), slug, body(endpoint(), POINT, AUTH)).statusCode(201);
        }
        subscribe(zoe, slug, body(endpoint(), POINT, AUTH)).statusCode(409)
                .body("type", equalTo("urn:hallway:problem:push-subscription-limit"));
        Api.as(Tokens.of("zoe")).get(path(slug)).then().statusCode(200).body("", hasSize(10));
    }

    @Test
    void preferences_need_every_kind_and_default_to_all() {
        String slug = newEvent("push-prefs");
        RequestSpecification hugo = Api.as(Tokens.of("hugo"));
        hugo.get("/api/events/" + slug + "/notification-preferences").then().statusCode(200)
                .body("sessionChanges", equalTo(true)).body("delays", equalTo(true))
                .body("announcements", equalTo(true)).body("meetings", equalTo(true));
        Api.as(Tokens.of("hugo")).body(Map.of("sessionChanges", false))
                .put("/api/events/" + slug + "/notification-preferences").then().statusCode(400)
                .contentType("application/problem+json");
        Api.as(Tokens.of("hugo")).get("/api/events/" + slug + "/notification-preferences").then().statusCode(200)
                .body("sessionChanges", equalTo(true));
    }

    @Test
    void my_subscriptions_and_choices_are_in_my_export_and_go_with_my_erasure() {
        String slug = newEvent("push-data");
        RequestSpecification edith = Api.as(Tokens.of("edith"));
        String endpoint = endpoint();
        subscribe(edith, slug, body(endpoint, POINT, AUTH)).statusCode(201);
        Api.as(Tokens.of("edith")).body(Map.of("sessionChanges", true, "delays", false, "announcements", true,
                "meetings", false)).put("/api/events/" + slug + "/notification-preferences").then().statusCode(200);
        subscribe(Api.otherAttendee(), slug, body(endpoint(), POINT, AUTH)).statusCode(201);

        Api.as(Tokens.of("edith")).get("/api/events/" + slug + "/me/export").then().statusCode(200)
                .body("notifications.pushSubscriptions.endpoint", contains(endpoint))
                .body("notifications.preferences.delays", equalTo(false))
                .body("notifications.preferences.meetings", equalTo(false));

        Api.as(Tokens.of("edith")).delete("/api/events/" + slug + "/me").then().statusCode(204);
        Api.as(Tokens.of("edith")).get(path(slug)).then().statusCode(200).body("", hasSize(0));
        Api.as(Tokens.of("edith")).get("/api/events/" + slug + "/notification-preferences").then().statusCode(200)
                .body("delays", equalTo(true));
        Api.otherAttendee().get(path(slug)).then().statusCode(200).body("", hasSize(1));
    }

    private static io.restassured.response.ValidatableResponse subscribe(RequestSpecification person, String slug,
            Map<String, Object> body) {
        return person.body(body).post(path(slug)).then();
    }

    private static Map<String, Object> body(String endpoint, String p256dh, String auth) {
        return Map.of("endpoint", endpoint, "keys", Map.of("p256dh", p256dh, "auth", auth));
    }

    private static String path(String slug) {
        return "/api/events/" + slug + "/push-subscriptions";
    }

    private static String endpoint() {
        return "http://127.0.0.1:9/push/" + UUID.randomUUID();
    }

    private static String key(int length, byte first) {
        byte[] bytes = new byte[length];
        bytes[0] = first;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
