package io.hallway.people;

import static io.hallway.testing.PeopleFixtures.*;
import static io.hallway.testing.PersonalDataFixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.common.OneReplicaAtATime;
import io.hallway.testing.Api;
import io.hallway.testing.Db;
import io.hallway.testing.ScheduleFixtures;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PersonalDataPurgeTest {

    private static final String[] TABLES = { "profile", "connection", "exchange_token", "exchange_idempotency",
            "exchange_rate_limit", "bookmark", "calendar_link", "agenda_change", "session_feedback",
            "push_subscription", "notification_preference", "notification", "suggestion_setting", "suggestion_term",
            "suggestion_candidate", "suggestion_dismissal", "offline_exchange_secret", "person_block", "conduct_report",
            "meeting", "meeting_setting", "meeting_rate_limit", "speaker_link" };

    @Inject
    DataSource dataSource;

    @Inject
    RetentionPurge retentionPurge;

    @Test
    void an_organizer_purges_the_personal_data_of_every_feature_only_after_the_retention_period() {
        String past = ScheduleFixtures.newEvent("purge");
        long talk = ratableTalk(past);
        personalDataOf(Tokens.attendee(), past, talk, 5, "Great", Tokens.otherAttendee());
        moveTalk(past, talk);
        String upcoming = upcomingEvent("purge");
        profile(Tokens.attendee(), upcoming, "Ada");

        Api.organizer().post("/api/admin/events/" + upcoming + "/people/purge").then().statusCode(409)
                .body("purgeableFrom", notNullValue());
        // The personal-data set-up puts the attendee on the team; someone outside it is told the event does not exist.
        Api.as(Tokens.of("zoe")).post("/api/admin/events/" + past + "/people/purge").then().statusCode(404);
        Api.organizer().post("/api/admin/events/" + past + "/people/purge").then().statusCode(200)
                .body("profiles", is(2)).body("connections", is(1)).body("exchangeTokens", is(2))
                .body("bookmarks", is(1)).body("calendarLinks", is(1)).body("agendaChanges", is(3))
                .body("feedback", is(1)).body("invitationsAnonymised", is(2)).body("offlineExchangeSecrets", is(1))
                .body("blocks", is(2)).body("conductReports", is(2))
                .body("speakerLinks", is(1)).body("speakerInvitationsAnonymised", is(2));

        Db db = new Db(dataSource);
        for (String table : TABLES) {
            assertEquals(0, rowsIn(db, table, past), table);
        }
        assertEquals(0, db.count("""
                select count(*) from event_invitation i join event e on e.id = i.event_id
                where e.slug = ? and (i.created_by is not null or i.redeemed_by is not null)""", past),
                "invitations stay, without the people who made or redeemed them");
        assertEquals(0, db.count("""
                select count(*) from speaker_invitation i join event e on e.id = i.event_id
                where e.slug = ? and (i.created_by is not null or i.redeemed_by is not null)""", past),
                "speaker invitations stay, without the people who made or redeemed them");
        assertEquals(1, rowsIn(db, "profile", upcoming));
    }

    @Test
    void the_scheduled_purge_empties_the_events_whose_retention_period_is_over_and_leaves_the_others() {
        String past = ScheduleFixtures.newEvent("scheduled-purge");
        long talk = ratableTalk(past);
        personalDataOf(Tokens.of("rafa"), past, talk, 3, "Fine", Tokens.of("sami"));
        moveTalk(past, talk);
        String upcoming = upcomingEvent("scheduled-purge");
        profile(Tokens.of("rafa"), upcoming, "Rafa");

        Map<String, Map<String, Long>> purged = retentionPurge.purgeDue(Instant.now()).orElseThrow();

        assertEquals(Map.ofEntries(Map.entry("profiles", 2L), Map.entry("connections", 1L),
                Map.entry("exchangeTokens", 2L), Map.entry("bookmarks", 1L), Map.entry("calendarLinks", 1L),
                // Each of the two heard of the other's meet-up request: an entry in their feed, and a notification.
                Map.entry("agendaChanges", 3L), Map.entry("feedback", 1L), Map.entry("invitationsAnonymised", 2L),
                Map.entry("pushSubscriptions", 1L), Map.entry("notificationPreferences", 1L),
                Map.entry("notifications", 2L), Map.entry("suggestionSettings", 2L), Map.entry("suggestionTerms", 4L),
                Map.entry("suggestionCandidates", 2L), Map.entry("suggestionDismissals", 2L), Map.entry("offlineExchangeSecrets", 1L), Map.entry("blocks", 2L),
                Map.entry("conductReports", 2L), Map.entry("meetings", 2L), Map.entry("meetingSettings", 1L),
                Map.entry("meetingRateLimits", 2L), Map.entry("speakerLinks", 1L),
                Map.entry("speakerInvitationsAnonymised", 2L)), purged.get(past));
        assertFalse(purged.containsKey(upcoming), purged.toString());
        Db db = new Db(dataSource);
        for (String table : TABLES) {
            assertEquals(0, rowsIn(db, table, past), table);
        }
        assertEquals(0, db.count("""
                select count(*) from event_invitation i join event e on e.id = i.event_id
                where e.slug = ? and (i.created_by is not null or i.redeemed_by is not null)""", past),
                "invitations stay, without the people who made or redeemed them");
        assertEquals(0, db.count("""
                select count(*) from speaker_invitation i join event e on e.id = i.event_id
                where e.slug = ? and (i.created_by is not null or i.redeemed_by is not null)""", past),
                "speaker invitations stay, without the people who made or redeemed them");
        assertEquals(1, rowsIn(db, "profile", upcoming));
        assertFalse(retentionPurge.purgeDue(Instant.now()).orElseThrow().containsKey(past), "nothing left to purge");
    }

    @Test
    void a_replica_skips_the_scheduled_purge_while_another_one_runs_it() throws SQLException {
        String past = ScheduleFixtures.newEvent("purge-elsewhere");
        profile(Tokens.of("rafa"), past, "Rafa");
        Db db = new Db(dataSource);

        try (Connection otherReplica = dataSource.getConnection()) {
            otherReplica.setAutoCommit(false);
            try (PreparedStatement lock = otherReplica.prepareStatement("select pg_advisory_xact_lock(?, hashtext(?))")) {
                lock.setInt(1, OneReplicaAtATime.LOCK_SPACE);
                lock.setString(2, RetentionPurge.JOB);
                lock.execute();
            }
            assertEquals(Optional.empty(), retentionPurge.purgeDue(Instant.now()));
            assertEquals(1, rowsIn(db, "profile", past));
            otherReplica.rollback();
        }

        assertEquals(1L, retentionPurge.purgeDue(Instant.now()).orElseThrow().get(past).get("profiles"));
        assertEquals(0, rowsIn(db, "profile", past));
    }

    private static long rowsIn(Db db, String table, String slug) {
        return db.count("select count(*) from " + table + " t join event e on e.id = t.event_id where e.slug = ?", slug);
    }

    /** A published event three days from now: its retention period is far from over. */
    private static String upcomingEvent(String prefix) {
        String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String day = LocalDate.now(ZoneOffset.UTC).plusDays(3).toString();
        Api.organizer().body(Map.of("slug", slug, "name", "Upcoming", "timeZone", "UTC", "startDate", day,
                "endDate", day, "published", true)).post("/api/admin/events").then().statusCode(201);
        return slug;
    }
}
