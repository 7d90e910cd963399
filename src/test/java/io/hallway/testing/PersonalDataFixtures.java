package io.hallway.testing;

import static io.hallway.testing.PeopleFixtures.*;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.hallway.notify.QueuedNotifications;
import io.quarkus.arc.Arc;
import io.restassured.path.json.JsonPath;

/**
 * A person's data in every feature of an event, made through the API the way the app makes it: a profile,
 * a code, a connection made by scanning with an Idempotency-Key, a bookmark, a calendar link, feedback on
 * a talk and, once the organizer moves the talk, a change recorded for them.
 */
public final class PersonalDataFixtures {

    private PersonalDataFixtures() {
    }

    /** A talk on the test day (already over, so it can be rated), in a room of its own. */
    public static long ratableTalk(String slug) {
        long room = ScheduleFixtures.room(slug, "Room " + UUID.randomUUID().toString().substring(0, 4), 100);
        return ScheduleFixtures.create(slug, ScheduleFixtures.talk("Kept in mind", room, "09:00", "09:30")).getLong("id");
    }

    /**
     * The person's rows in every feature; they connect with each peer by scanning the peer's code (the peers
     * get rows too). Returns the path of the person's calendar feed.
     */
    public static String personalDataOf(String token, String slug, long talkId, int rating, String comment,
            String... peers) {
        profile(token, slug, "Person");
        issue(token, slug);
        for (String peer : peers) {
            profile(peer, slug, "Peer");
            Api.as(token).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("token", issue(peer, slug).getString("token")))
                    .post(connectionsPath(slug)).then().statusCode(201);
        }
        invitations(token, slug);
        speaking(token, slug);
        Api.as(token).put("/api/events/" + slug + "/agenda/sessions/" + talkId).then().statusCode(204);
        Api.as(token).body(Map.of("rating", rating, "comment", comment))
                .put("/api/events/" + slug + "/sessions/" + talkId + "/feedback").then().statusCode(200);
        notifications(token, slug);
        meetings(token, slug, peers);
        suggestions(token, slug, peers);
        offlineExchange(token, slug);
        safety(token, slug, peers);
        return calendarLink(token, slug);
    }

    /** An offline exchange secret, fetched and rotated once (so it has both dates). */
    public static void offlineExchange(String token, String slug) {
        Api.as(token).post("/api/events/" + slug + "/me/offline-exchange").then().statusCode(201);
        Api.as(token).post("/api/events/" + slug + "/me/offline-exchange/rotate").then().statusCode(200);
    }

    /**
     * Someone new in the event scans the person's offline code (ten minutes after it was shown): a connection made
     * offline, and a used code of the person's secret ({@link #offlineExchange} makes it).
     */
    public static void offlineScan(String scanner, String token, String slug) {
        profile(scanner, slug, "Scanner");
        JsonPath secret = Api.as(token).post("/api/events/" + slug + "/me/offline-exchange").then().statusCode(200)
                .extract().jsonPath();
        Instant shownAt = Instant.now().minus(Duration.ofMinutes(10));
        Api.as(scanner).body(Map.of("code", OfflineCodes.code(secret, OfflineCodes.step(shownAt)),
                "scannedAt", shownAt.atOffset(ZoneOffset.UTC).toString()))
                .post(connectionsPath(slug) + "/offline").then().statusCode(201);
    }

    /**
     * Who may ask the person to meet, their request to meet the first peer (who shares with them) and the peer's to meet them, made at 08:00
     * of the test day, in a day that goes on after the person's talk, so there is free time to propose.
     */
    public static void meetings(String token, String slug, String... peers) {
        Api.as(token).body(Map.of("whoMayAsk", "anyone")).put("/api/events/" + slug + "/me/meeting-settings").then()
                .statusCode(200);
        if (peers.length > 0) {
            LiveFixtures.clockAt("08:00");
            // The day runs until this later talk: free time after the person's talk to propose.
            long room = ScheduleFixtures.room(slug, "Room " + UUID.randomUUID().toString().substring(0, 4), 100);
            ScheduleFixtures.create(slug, ScheduleFixtures.talk("Later on", room, "10:00", "10:30"));
            long peer = profile(peers[0], slug, "Peer");
            Api.as(token).body(Map.of("profileId", peer, "minutes", 15)).post("/api/events/" + slug + "/meetings").then()
                    .statusCode(201);
            // ...and the peer's request to the person, listed in the directory for it: both sides of a meeting.
            long person = saveProfile(token, slug, Map.of("displayName", "Person", "inDirectory", true));
            Api.as(peers[0]).body(Map.of("profileId", person, "minutes", 15)).post("/api/events/" + slug + "/meetings")
                    .then().statusCode(201);
            notificationsWritten();
        }
    }

    /**
     * The notifications of the changes so far, written and sealed as if their collect windows had closed: each is
     * queued for delivery to the person's push subscriptions.
     */
    public static void notificationsSealed() {
        Arc.container().instance(QueuedNotifications.class).get().seal();
    }

    /** The notifications of the changes so far, written as the delivery worker writes them after each commit. */
    private static void notificationsWritten() {
        Arc.container().instance(QueuedNotifications.class).get().write();
    }

    /**
     * A browser's push subscription (on the push service tests may name, which is never called here) and a
     * choice of notification kinds.
     */
    public static void notifications(String token, String slug) {
        byte[] point = new byte[65];
        point[0] = 0x04;
        Api.as(token).body(Map.of("endpoint", "http://127.0.0.1:9/push/" + UUID.randomUUID(), "keys", Map.of(
                "p256dh", Base64.getUrlEncoder().withoutPadding().encodeToString(point),
                "auth", Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]))))
                .post("/api/events/" + slug + "/push-subscriptions").then().statusCode(201);
        Api.as(token).body(Map.of("sessionChanges", true, "delays", false, "announcements", true, "meetings", true))
                .put("/api/events/" + slug + "/notification-preferences").then().statusCode(200);
    }

    /**
     * The person opts in to suggestions, learning eBPF; with a peer, the peer opts in, happy to help with eBPF, so
     * that each is in the other's pool, and each dismisses the other.
     */
    public static void suggestions(String token, String slug, String... peers) {
        optInToSuggestions(token, slug, "learning");
        if (peers.length > 0) {
            optInToSuggestions(peers[0], slug, "can-help-with");
            dismiss(token, slug, peers[0]);
            dismiss(peers[0], slug, token);
        }
    }

    private static void optInToSuggestions(String token, String slug, String intent) {
        Api.as(token).body(Map.of("optedIn", true, "useInterests", true, "useIntents", true, "useBookmarks", true,
                "intents", java.util.List.of(Map.of("intent", intent, "topics", java.util.List.of("eBPF")))))
                .put("/api/events/" + slug + "/me/suggestion-settings").then().statusCode(200);
    }

    private static void dismiss(String token, String slug, String otherToken) {
        long profile = Api.as(otherToken).get("/api/events/" + slug + "/me/profile").then().statusCode(200)
                .extract().jsonPath().getLong("id");
        Api.as(token).put("/api/events/" + slug + "/me/suggestions/dismissed/" + profile).then().statusCode(204);
    }

    /**
     * The person blocks their first peer and reports them; their last peer blocks and reports the person in turn
     * (rows about the person that are not theirs, and survive their erasure).
     */
    public static void safety(String token, String slug, String... peers) {
        if (peers.length == 0) {
            return;
        }
        String first = peers[0];
        String last = peers[peers.length - 1];
        long myProfile = profile(token, slug, "Person");
        long firstProfile = profile(first, slug, "Peer");
        Api.as(token).put("/api/events/" + slug + "/me/blocks/" + firstProfile).then().statusCode(204);
        Api.as(last).put("/api/events/" + slug + "/me/blocks/" + myProfile).then().statusCode(204);
        for (var report : Map.of(token, firstProfile, last, myProfile).entrySet()) {
            Api.as(report.getKey()).body(Map.of("reportedProfileId", report.getValue(), "whatHappened",
                    "Kept interrupting me at the coffee bar.", "happenedAt", ScheduleFixtures.at("10:30"), "place", "Coffee bar"))
                    .post("/api/events/" + slug + "/reports").then().statusCode(201);
        }
    }

    /**
     * The person joins the event's team as an owner by redeeming the organizer's invitation, and invites someone
     * in turn.
     */
    public static void invitations(String token, String slug) {
        String invitation = Api.organizer().body(Map.of("role", "owner")).post("/api/admin/events/" + slug + "/invitations")
                .then().statusCode(201).extract().jsonPath().getString("token");
        Api.as(token).post("/api/invitations/" + invitation + "/redeem").then().statusCode(200);
        Api.as(token).body(Map.of("role", "host")).post("/api/admin/events/" + slug + "/invitations").then()
                .statusCode(201);
    }

    /**
     * The organizer invites the person to link their account to a speaker record and they do; then the person, an
     * owner of the event by now ({@link #invitations}), invites another speaker in turn.
     */
    public static void speaking(String token, String slug) {
        String speakers = "/api/admin/events/" + slug + "/speakers/";
        long speaker = ScheduleFixtures.speaker(slug, "Speaker " + UUID.randomUUID().toString().substring(0, 8));
        String invitation = Api.organizer().body("{}").post(speakers + speaker + "/invitations").then().statusCode(201)
                .extract().jsonPath().getString("token");
        Api.as(token).post("/api/speaker-invitations/" + invitation + "/redeem").then().statusCode(200);
        long another = ScheduleFixtures.speaker(slug, "Speaker " + UUID.randomUUID().toString().substring(0, 8));
        Api.as(token).body("{}").post(speakers + another + "/invitations").then().statusCode(201);
    }

    /**
     * An organizer's write to the event (a new track), which the audit log records as theirs; for people who
     * also organize the event.
     */
    public static void organizerWork(String token, String slug) {
        Api.as(token).body(Map.of("name", "Track " + UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/admin/events/" + slug + "/tracks").then().statusCode(201);
    }

    /** A new calendar link; returns the feed's path. */
    public static String calendarLink(String token, String slug) {
        String url = Api.as(token).post("/api/events/" + slug + "/agenda/calendar-link").then().statusCode(201)
                .extract().jsonPath().getString("url");
        return url.substring(url.indexOf("/api/"));
    }

    /** The organizer moves the talk half an hour later: a change for everyone who bookmarked it. */
    public static void moveTalk(String slug, long talkId) {
        move(slug, talkId, "09:30", "10:00");
        notificationsWritten();
    }

    /**
     * The organizer moves the talk back to 09:00, and the notifications of it are still queued: the delivery worker
     * has not run since.
     */
    public static void moveTalkBackUnnotified(String slug, long talkId) {
        move(slug, talkId, "09:00", "09:30");
    }

    private static void move(String slug, long talkId, String startsAt, String endsAt) {
        String path = "/api/admin/events/" + slug + "/sessions/" + talkId;
        JsonPath current = Api.organizer().get(path).then().statusCode(200).extract().jsonPath();
        Api.organizer().body(Map.of("kind", current.getString("kind"), "title", current.getString("title"),
                "roomId", current.getLong("roomId"), "startsAt", ScheduleFixtures.at(startsAt),
                "endsAt", ScheduleFixtures.at(endsAt), "version", current.getLong("version")))
                .put(path).then().statusCode(200);
    }

    /** Takes the event off the public API, as an organizer does; its data stays. */
    public static void unpublish(String slug) {
        String path = "/api/admin/events/" + slug;
        JsonPath event = Api.organizer().get(path).then().statusCode(200).extract().jsonPath();
        Api.organizer().body(Map.of("slug", slug, "name", event.getString("name"), "timeZone", event.getString("timeZone"),
                "startDate", event.getString("startDate"), "endDate", event.getString("endDate"), "published", false,
                "version", event.getLong("version"))).put(path).then().statusCode(200);
    }
}
