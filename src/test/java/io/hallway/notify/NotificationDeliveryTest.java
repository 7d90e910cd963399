package io.hallway.notify;

import static io.hallway.testing.AgendaFixtures.bookmark;
import static io.hallway.testing.AgendaFixtures.updateSession;
import static io.hallway.testing.LiveFixtures.clockAt;
import static io.hallway.testing.LiveFixtures.runningLate;
import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hallway.agenda.ChangeFeedGrew;
import io.hallway.testing.Api;
import io.hallway.testing.Db;
import io.hallway.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * From a change to the phone: the outbox row written with the change, collected per person, sealed, claimed and
 * delivered by the workers, to a push service and a relay that each check what they get (see
 * {@link TestPushService} and {@link TestWebhookReceiver}). The scheduler is off in tests: each test runs the
 * worker itself, at a time of its choosing, so windows, retries and leases pass without waiting.
 */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NotificationDeliveryTest {

    @Inject
    DeliveryWorker worker;

    @Inject
    Outbox outbox;

    @Inject
    VapidKeys vapid;

    @Inject
    NotifyConfig config;

    @Inject
    jakarta.enterprise.event.Event<ChangeFeedGrew> feedGrew;

    @Inject
    DataSource dataSource;

    TestPushService pushService;

    @BeforeEach
    void startPushService() {
        pushService = TestPushService.start(vapid.publicKeyBase64Url());
    }

    @AfterEach
    void stopPushService() {
        assertEquals(List.of(), pushService.failures(), "every message the push service got was signed and decrypted");
        assertEquals(List.of(), TestWebhookReceiver.shared().failures(), "every webhook was signed");
        pushService.close();
    }

    @Test
    void a_release_moving_two_of_my_sessions_gives_me_one_notification_and_nobody_else_anything() {
        String slug = newEvent("notify-release");
        long theater = room(slug, "Theater", 100);
        long flex = room(slug, "Flex Space", 40);
        long opening = create(slug, talk("Opening", theater, "09:00", "09:30")).getLong("id");
        long closing = create(slug, talk("Closing", theater, "16:00", "16:30")).getLong("id");
        long other = create(slug, talk("Someone else's", flex, "10:00", "10:30")).getLong("id");
        releaseMode(slug, "manual").statusCode(200);
        bookmark(Api.attendee(), slug, opening);
        bookmark(Api.attendee(), slug, closing);
        bookmark(Api.otherAttendee(), slug, other);
        TestPushService.Subscriber mine = subscribe(Api.attendee(), slug);
        TestPushService.Subscriber theirs = subscribe(Api.otherAttendee(), slug);

        updateSession(slug, opening, Map.of("startsAt", at("11:00"), "endsAt", at("11:30")));
        updateSession(slug, closing, Map.of("roomId", flex));
        runWorker(afterTheWindow());
        assertEquals(0, pushService.requests(mine), "a change to the draft reaches nobody");

        release(slug, "v2", null).statusCode(201);
        runWorker(afterTheWindow());

        List<JsonNode> received = pushService.received(mine);
        assertEquals(1, received.size(), "one notification for both changes");
        JsonNode notification = received.get(0);
        assertEquals(slug, notification.get("event").asText());
        assertEquals("schedule", notification.get("kind").asText());
        assertEquals("2 of your sessions changed", notification.get("text").asText());
        assertEquals(2, notification.get("changes").asInt());
        int refreshWithin = notification.get("refreshWithin").asInt();
        assertTrue(refreshWithin >= 1 && refreshWithin <= config.refreshSpread().toSeconds(), "within the spread");
        assertEquals(0, pushService.requests(theirs), "their session did not change");
        // The cursor fetches what the notification tells about.
        Api.attendee().queryParam("since", notification.get("cursor").asText())
                .get("/api/events/" + slug + "/agenda/changes").then().statusCode(200)
                .body("changes.sessionId", containsInAnyOrder((int) opening, (int) closing));

        List<TestWebhookReceiver.Received> relayed = relayedFor(slug);
        assertEquals(1, relayed.size(), "the relay gets the same one notification");
        assertEquals(notification.get("id").asText(), relayed.get(0).id());
        JsonNode data = relayed.get(0).body().get("data");
        assertEquals(notification.get("id").asText(), data.get("notification").get("id").asText());
        assertTrue(data.get("recipient").get("subject").asText().length() > 0, "the relay learns whom it is for");
    }

    @Test
    void one_change_says_what_changed_and_a_speaker_swap_wakes_nobody() {
        String slug = newEvent("notify-one");
        long theater = room(slug, "Theater", 100);
        long speaker = speaker(slug, "Ada");
        long talk = create(slug, talk("Operators at scale", theater, "09:00", "09:30", speaker)).getLong("id");
        bookmark(Api.attendee(), slug, talk);
        TestPushService.Subscriber mine = subscribe(Api.attendee(), slug);

        Api.organizer().body(Map.of("name", "Grace")).header("If-Match", "\"0\"")
                .put("/api/admin/events/" + slug + "/speakers/" + speaker).then().statusCode(200);
        runWorker(afterTheWindow());
        assertEquals(0, pushService.requests(mine), "the feed has the speaker change; the phone is not woken for it");

        updateSession(slug, talk, Map.of("startsAt", at("14:00"), "endsAt", at("14:30")));
        runWorker(afterTheWindow());
        List<JsonNode> received = pushService.received(mine);
        assertEquals(1, received.size());
        assertEquals("\u201cOperators at scale\u201d now starts Sun 14:00", received.get(0).get("text").asText());
    }

    @Test
    void erasing_my_data_before_the_worker_writes_a_change_notification_leaves_me_none_and_the_others_theirs() {
        String slug = newEvent("notify-erase");
        long theater = room(slug, "Theater", 100);
        long talk = create(slug, talk("Moving", theater, "09:00", "09:30")).getLong("id");
        bookmark(Api.attendee(), slug, talk);
        bookmark(Api.otherAttendee(), slug, talk);
        TestPushService.Subscriber other = subscribe(Api.otherAttendee(), slug);

        updateSession(slug, talk, Map.of("startsAt", at("10:00"), "endsAt", at("10:30")));
        Api.attendee().delete("/api/events/" + slug + "/me").then().statusCode(204);
        runWorker(afterTheWindow());

        long eventId = db().count("select id from event where slug = ?", slug);
        assertEquals(1, db().count("select count(*) from notification where event_id = ?", eventId),
                "the other attendee's notification only");
        assertEquals(1, pushService.received(other).size());
        assertEquals(0, db().count("select count(*) from notification_fan_out where event_id = ?", eventId));
    }

    @Test
    void a_fan_out_that_cannot_be_written_is_tried_again_then_set_aside_while_other_events_go_on() {
        String broken = newEvent("notify-broken");
        long brokenTalk = create(broken, talk("Moving", room(broken, "Theater", 100), "09:00", "09:30")).getLong("id");
        bookmark(Api.attendee(), broken, brokenTalk);
        String fine = newEvent("notify-fine");
        long fineTalk = create(fine, talk("Moving too", room(fine, "Theater", 100), "09:00", "09:30")).getLong("id");
        bookmark(Api.attendee(), fine, fineTalk);
        long brokenId = db().count("select id from event where slug = ?", broken);
        long fineId = db().count("select id from event where slug = ?", fine);
        // A row no worker can read stands first in its event's queue.
        db().update("insert into notification_fan_out (event_id, parts) values (?, 'not json')", brokenId);
        updateSession(broken, brokenTalk, Map.of("startsAt", at("10:00"), "endsAt", at("10:30")));
        updateSession(fine, fineTalk, Map.of("startsAt", at("10:00"), "endsAt", at("10:30")));
        String notifications = "select count(*) from notification where event_id = ?";

        worker.fanOut();
        assertEquals(1, db().count(notifications, fineId), "the other event's change goes out");
        assertEquals(0, db().count(notifications, brokenId), "the change behind the broken row waits, in order");
        assertEquals(1, db().count("select attempts from notification_fan_out where parts = 'not json'"));

        for (int round = 2; round <= FanOuts.ATTEMPTS; round++) {
            worker.fanOut();
        }
        assertEquals(0, db().count(notifications, brokenId));
        assertEquals(FanOuts.ATTEMPTS, db().count("select attempts from notification_fan_out where parts = 'not json'"));
        worker.fanOut();
        assertEquals(1, db().count(notifications, brokenId), "once the broken row is set aside, the next change goes out");
        assertEquals(1, db().count("select count(*) from notification_fan_out where event_id = ? and parts = 'not json'"
                + " and last_error like '%could not be read%'", brokenId), "the broken row stays, saying why");
    }

    @Test
    void an_events_changes_are_written_in_order_while_another_worker_holds_the_first() throws SQLException {
        String held = newEvent("notify-held");
        long theater = room(held, "Theater", 100);
        long first = create(held, talk("First", theater, "09:00", "09:30")).getLong("id");
        long second = create(held, talk("Second", theater, "11:00", "11:30")).getLong("id");
        bookmark(Api.attendee(), held, first);
        bookmark(Api.attendee(), held, second);
        String free = newEvent("notify-free");
        long other = create(free, talk("Other", room(free, "Theater", 100), "09:00", "09:30")).getLong("id");
        bookmark(Api.attendee(), free, other);
        updateSession(held, first, Map.of("startsAt", at("10:00"), "endsAt", at("10:30")));
        updateSession(held, second, Map.of("startsAt", at("12:00"), "endsAt", at("12:30")));
        updateSession(free, other, Map.of("startsAt", at("10:00"), "endsAt", at("10:30")));
        long heldId = db().count("select id from event where slug = ?", held);
        long freeId = db().count("select id from event where slug = ?", free);
        String notifications = "select count(*) from notification where event_id = ?";

        try (Connection otherWorker = dataSource.getConnection()) {
            otherWorker.setAutoCommit(false);
            try (PreparedStatement take = otherWorker.prepareStatement("select id from notification_fan_out"
                    + " where id = (select min(id) from notification_fan_out where event_id = ?) for update")) {
                take.setLong(1, heldId);
                take.executeQuery().close();
            }
            worker.fanOut();
            assertEquals(1, db().count(notifications, freeId), "another event goes on");
            assertEquals(0, db().count(notifications, heldId), "the event's later change waits for its first");
            otherWorker.rollback();
        }
        worker.fanOut();
        assertEquals(1, db().count(notifications, heldId));
        assertEquals(2, db().count("select entries from notification where event_id = ?", heldId));
        assertEquals(0, db().count("select count(*) from notification_fan_out where event_id in (?, ?)", heldId, freeId));
    }

    @Test
    void a_delay_and_an_announcement_reach_me_in_their_own_words_and_together_as_several() {
        String slug = newEvent("notify-live");
        long theater = room(slug, "Theater", 100);
        create(slug, talk("Opening", theater, "09:00", "09:30"));
        long second = create(slug, talk("Second", theater, "09:30", "10:00")).getLong("id");
        bookmark(Api.attendee(), slug, second);
        TestPushService.Subscriber mine = subscribe(Api.attendee(), slug);
        clockAt("09:20");

        runningLate(Api.organizer(), slug, theater, 20).statusCode(200);
        runWorker(afterTheWindow());
        JsonNode delay = pushService.received(mine).get(0);
        assertEquals("delay", delay.get("kind").asText());
        assertEquals("Theater is running 20 min late: your 09:30 talk now starts 09:50", delay.get("text").asText());

        announceToEveryone(slug, "Lunch moves upstairs");
        runWorker(afterTheWindow());
        JsonNode announcement = pushService.received(mine).get(1);
        assertEquals("announcement", announcement.get("kind").asText());
        assertEquals("Lunch moves upstairs", announcement.get("text").asText());

        runningLate(Api.organizer(), slug, theater, 30).statusCode(200);
        announceToEveryone(slug, "Doors close at six");
        runWorker(afterTheWindow());
        JsonNode both = pushService.received(mine).get(2);
        assertEquals("several", both.get("kind").asText());
        assertEquals("2 updates to your agenda", both.get("text").asText());
        assertEquals(3, pushService.requests(mine));
    }

    @Test
    void a_receiver_that_is_down_for_a_while_gets_every_notification_exactly_once_by_id() {
        String slug = newEvent("notify-down");
        long theater = room(slug, "Theater", 100);
        long talk = create(slug, talk("Kept moving", theater, "09:00", "09:30")).getLong("id");
        bookmark(Api.attendee(), slug, talk);
        TestPushService.Subscriber mine = subscribe(Api.attendee(), slug);
        pushService.answer(mine, 503, 30, 6);

        Instant clock = Instant.now();
        for (int hour = 10; hour <= 12; hour++) {
            updateSession(slug, talk, Map.of("startsAt", at(hour + ":00"), "endsAt", at(hour + ":30")));
            clock = afterTheWindow(clock);
            runWorker(clock);
        }
        assertEquals(0, pushService.received(mine).size(), "the push service has answered 503 so far");
        // Its Retry-After and the backoff pass; every round tries what is due.
        for (int round = 0; round < 6; round++) {
            clock = clock.plus(config.longestRetry());
            runWorker(clock);
        }

        List<String> ids = pushService.received(mine).stream().map(notification -> notification.get("id").asText())
                .toList();
        assertEquals(3, ids.size(), "three changes, three windows, three notifications");
        assertEquals(3, new HashSet<>(ids).size(), "each once");
        assertEquals(6 + 3, pushService.requests(mine), "six refusals, then each accepted at its first try after");
        assertEquals(Set.copyOf(ids), relayedFor(slug).stream().map(TestWebhookReceiver.Received::id)
                .collect(java.util.stream.Collectors.toSet()), "the relay got the same three");
    }

    @Test
    void a_410_removes_the_subscription_and_nothing_more_is_sent_to_it() {
        String slug = newEvent("notify-gone");
        long theater = room(slug, "Theater", 100);
        long talk = create(slug, talk("Gone", theater, "09:00", "09:30")).getLong("id");
        bookmark(Api.attendee(), slug, talk);
        TestPushService.Subscriber mine = subscribe(Api.attendee(), slug);
        pushService.gone(mine);

        updateSession(slug, talk, Map.of("startsAt", at("10:00"), "endsAt", at("10:30")));
        runWorker(afterTheWindow());
        assertEquals(1, pushService.requests(mine));
        Api.attendee().get("/api/events/" + slug + "/push-subscriptions").then().statusCode(200).body("", hasSize(0));

        updateSession(slug, talk, Map.of("startsAt", at("11:00"), "endsAt", at("11:30")));
        runWorker(afterTheWindow());
        assertEquals(1, pushService.requests(mine), "no delivery to a removed subscription");
        assertEquals(2, relayedFor(slug).size(), "the relay still gets both");
    }

    @Test
    void two_workers_on_one_database_deliver_each_notification_once() throws Exception {
        String slug = newEvent("notify-two");
        long theater = room(slug, "Theater", 100);
        long talk = create(slug, talk("Popular", theater, "09:00", "09:30")).getLong("id");
        List<RequestSpecification> people = List.of(Api.attendee(), Api.otherAttendee(), Api.as(Tokens.of("zoe")), Api.as(Tokens.of("hana")));
        List<TestPushService.Subscriber> subscribers = new ArrayList<>();
        for (RequestSpecification person : people) {
            bookmark(person, slug, talk);
            subscribers.add(subscribe(person, slug));
        }
        Instant clock = Instant.now();
        for (int hour = 10; hour < 16; hour++) {
            updateSession(slug, talk, Map.of("startsAt", at(hour + ":00"), "endsAt", at(hour + ":30")));
            clock = afterTheWindow(clock);
            worker.seal(clock);
        }

        // Two replicas' workers at once: each claims small batches (hallway.notify.batch-size in tests).
        Instant due = clock;
        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> deliverAfter(together, "replica-a", due));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> deliverAfter(together, "replica-b", due));
        int attempted = first.get() + second.get();

        int pushed = 0;
        for (TestPushService.Subscriber subscriber : subscribers) {
            List<String> ids = pushService.received(subscriber).stream().map(n -> n.get("id").asText()).toList();
            assertEquals(6, ids.size(), "six notifications each");
            assertEquals(6, new HashSet<>(ids).size(), "none twice");
            assertEquals(6, pushService.requests(subscriber), "no message sent twice");
            pushed += ids.size();
        }
        List<String> relayed = relayedFor(slug).stream().map(TestWebhookReceiver.Received::id).toList();
        assertEquals(24, relayed.size());
        assertEquals(24, new HashSet<>(relayed).size());
        assertTrue(attempted >= pushed + relayed.size(), "both workers together attempted every delivery");
        assertTrue(first.get() > 0 && second.get() > 0, "both workers took a share");
    }

    @Test
    void a_delivery_claimed_by_a_worker_that_died_goes_out_once_its_lease_has_run_out() {
        String slug = newEvent("notify-lease");
        long theater = room(slug, "Theater", 100);
        long talk = create(slug, talk("Orphaned", theater, "09:00", "09:30")).getLong("id");
        bookmark(Api.attendee(), slug, talk);
        TestPushService.Subscriber mine = subscribe(Api.attendee(), slug);
        updateSession(slug, talk, Map.of("startsAt", at("10:00"), "endsAt", at("10:30")));
        Instant sealedAt = afterTheWindow();
        worker.seal(sealedAt);
        // A replica claims everything due and dies before sending any of it.
        Instant leaseEnds = sealedAt.plus(config.lease());
        int claimed = QuarkusTransaction.requiringNew()
                .call(() -> outbox.claim("replica-that-died", sealedAt, config.lease(), 10_000).size());
        assertTrue(claimed >= 2, "the push and the relay delivery");

        worker.deliver(worker.replica, leaseEnds.minusSeconds(1));
        assertEquals(0, pushService.requests(mine), "the lease still holds");

        worker.deliver(worker.replica, leaseEnds.plusSeconds(1));
        assertEquals(1, pushService.received(mine).size(), "delivered after the lease");
        assertEquals(1, relayedFor(slug).size());
    }

    @Test
    void a_delivery_claimed_late_in_a_long_round_holds_its_lease_from_its_claim() {
        String slug = newEvent("notify-late-claim");
        long theater = room(slug, "Theater", 100);
        long talk = create(slug, talk("Slow push service", theater, "09:00", "09:30")).getLong("id");
        bookmark(Api.attendee(), slug, talk);
        subscribe(Api.attendee(), slug);
        updateSession(slug, talk, Map.of("startsAt", at("10:00"), "endsAt", at("10:30")));
        worker.seal(afterTheWindow());
        Db db = new Db(dataSource);
        String ofThisEvent = " from notification_delivery d join notification n on n.id = d.notification_id"
                + " join event e on e.id = n.event_id where e.slug = ?";
        db.update("update notification_delivery set due_at = now() - interval '10 minutes' where id in (select d.id"
                + ofThisEvent + ")", slug);

        // The round began five minutes ago, and only now gets to this batch.
        Instant roundBegan = Instant.now().minus(Duration.ofMinutes(5));
        int claimed = QuarkusTransaction.requiringNew()
                .call(() -> outbox.claim("slow-replica", roundBegan, config.lease(), 10_000).size());

        assertTrue(claimed >= 1);
        assertEquals(0, db.count("select count(*)" + ofThisEvent + " and d.lease_until <= now()", slug),
                "no lease has run out the moment it was taken");
    }

    @Test
    void a_replica_shutting_down_finishes_the_sends_in_flight_and_hands_back_the_rest_at_once() throws Exception {
        String slug = newEvent("notify-drain");
        long theater = room(slug, "Theater", 100);
        long talk = create(slug, talk("Rolling update", theater, "09:00", "09:30")).getLong("id");
        List<RequestSpecification> people = List.of(Api.attendee(), Api.otherAttendee(), Api.as(Tokens.of("zoe")),
                Api.as(Tokens.of("hana")), Api.as(Tokens.of("hugo")));
        List<TestPushService.Subscriber> subscribers = new ArrayList<>();
        for (RequestSpecification person : people) {
            bookmark(person, slug, talk);
            subscribers.add(subscribe(person, slug));
        }
        updateSession(slug, talk, Map.of("startsAt", at("10:00"), "endsAt", at("10:30")));
        Instant asOf = afterTheWindow();
        worker.seal(asOf);
        long eventId = db().count("select id from event where slug = ?", slug);
        String ofTheEvent = " from notification_delivery d join notification n on n.id = d.notification_id"
                + " where n.event_id = ?";

        // Every sender is busy with a push whose answer has not come yet, the rest of its batch waits for one:
        // then the replica begins to shut down, and the push service answers.
        pushService.holdAnswers();
        AtomicBoolean stopping = new AtomicBoolean();
        CompletableFuture<Integer> claimed = CompletableFuture
                .supplyAsync(() -> worker.deliver("replica-stopping", asOf, stopping::get));
        pushService.awaitHeld(config.senders());
        stopping.set(true);
        pushService.answerHeld();
        claimed.get(30, TimeUnit.SECONDS);

        int pushesSent = subscribers.stream().mapToInt(pushService::requests).sum();
        assertEquals(config.senders(), pushesSent, "the sends in flight finished; no other began");
        assertEquals(pushesSent, db().count("select count(*)" + ofTheEvent + " and d.state = 'delivered'"
                + " and d.channel = 'web-push'", eventId), "and they are recorded as delivered");
        assertEquals(0, db().count("select count(*)" + ofTheEvent + " and d.claimed_by is not null", eventId),
                "the replica holds nothing");
        assertTrue(db().count("select count(*)" + ofTheEvent + " and d.state = 'pending'"
                + " and d.last_error like 'Not sent%'", eventId) > 0, "what it claimed and did not send went back");
        assertEquals(0, db().count("select count(*)" + ofTheEvent + " and d.state = 'pending' and d.attempts > 0",
                eventId), "without costing an attempt, since none was made");

        // Another replica sends them on its next poll, long before the lease would have run out.
        worker.deliver("replica-running", asOf);
        for (TestPushService.Subscriber subscriber : subscribers) {
            assertEquals(1, pushService.received(subscriber).size(), "each person gets their notification");
            assertEquals(1, pushService.requests(subscriber), "once");
        }
        List<String> relayed = relayedFor(slug).stream().map(TestWebhookReceiver.Received::id).toList();
        assertEquals(5, relayed.size());
        assertEquals(5, new HashSet<>(relayed).size());
    }

    @Test
    void a_change_rolled_back_makes_no_notification() {
        String slug = newEvent("notify-rollback");
        long theater = room(slug, "Theater", 100);
        long talk = create(slug, talk("Maybe", theater, "09:00", "09:30")).getLong("id");
        bookmark(Api.attendee(), slug, talk);
        long eventId = db().count("select id from event where slug = ?", slug);
        long userId = db().count("select user_id from bookmark where event_id = ?", eventId);
        ChangeFeedGrew change = new ChangeFeedGrew(eventId, "schedule", talk, 1, List.of("time"), "moved",
                List.of(new ChangeFeedGrew.Recipient(userId, 1)));

        QuarkusTransaction.begin();
        feedGrew.fire(change);
        QuarkusTransaction.rollback();
        worker.fanOut();
        assertEquals(0, db().count("select count(*) from notification where event_id = ?", eventId));

        QuarkusTransaction.requiringNew().run(() -> feedGrew.fire(change));
        worker.fanOut();
        assertEquals(1, db().count("select count(*) from notification where event_id = ?", eventId),
                "the same change committed makes one");
    }

    @Test
    void a_kind_i_turned_off_is_not_collected_for_me() {
        String slug = newEvent("notify-prefs");
        long theater = room(slug, "Theater", 100);
        long talk = create(slug, talk("Quiet", theater, "09:00", "09:30")).getLong("id");
        bookmark(Api.attendee(), slug, talk);
        bookmark(Api.otherAttendee(), slug, talk);
        TestPushService.Subscriber mine = subscribe(Api.attendee(), slug);
        TestPushService.Subscriber theirs = subscribe(Api.otherAttendee(), slug);
        Api.attendee().body(Map.of("sessionChanges", false, "delays", true, "announcements", true, "meetings", true))
                .put("/api/events/" + slug + "/notification-preferences").then().statusCode(200)
                .body("sessionChanges", equalTo(false));
        Api.attendee().get("/api/events/" + slug + "/notification-preferences").then().statusCode(200)
                .body("sessionChanges", equalTo(false)).body("delays", equalTo(true));

        updateSession(slug, talk, Map.of("startsAt", at("10:00"), "endsAt", at("10:30")));
        runWorker(afterTheWindow());
        assertEquals(0, pushService.requests(mine));
        assertEquals(1, pushService.received(theirs).size());
    }

    private TestPushService.Subscriber subscribe(RequestSpecification person, String slug) {
        TestPushService.Subscriber subscriber = pushService.subscribe();
        person.body(Map.of("endpoint", subscriber.endpoint(), "keys",
                Map.of("p256dh", subscriber.p256dh(), "auth", subscriber.auth())))
                .post("/api/events/" + slug + "/push-subscriptions").then().statusCode(201);
        return subscriber;
    }

    private static void announceToEveryone(String slug, String title) {
        Api.organizer().body(Map.of("title", title, "body", "From the organizers.", "severity", "info", "audience",
                Map.of("kind", "everyone"), "endsAt", at("18:00")))
                .post("/api/admin/events/" + slug + "/announcements").then().statusCode(201);
    }

    private Db db() {
        return new Db(dataSource);
    }

    private void runWorker(Instant asOf) {
        worker.seal(asOf);
        worker.deliver(worker.replica, asOf);
    }

    private int deliverAfter(CyclicBarrier together, String replica, Instant asOf) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return worker.deliver(replica, asOf);
    }

    private Instant afterTheWindow() {
        return afterTheWindow(Instant.now());
    }

    private Instant afterTheWindow(Instant from) {
        Instant real = Instant.now().plus(config.collectWindow()).plus(Duration.ofSeconds(1));
        Instant next = from.plus(config.collectWindow()).plus(Duration.ofSeconds(1));
        return next.isAfter(real) ? next : real;
    }

    private static List<TestWebhookReceiver.Received> relayedFor(String slug) {
        return TestWebhookReceiver.shared().received().stream()
                .filter(received -> slug.equals(received.body().get("data").get("notification").get("event").asText()))
                .toList();
    }
}
