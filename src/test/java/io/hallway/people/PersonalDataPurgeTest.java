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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.common.OneReplicaAtATime;
import io.hallway.people.PersonalData.AfterPurge;
import io.hallway.testing.Api;
import io.hallway.testing.Db;
import io.hallway.testing.ScheduleFixtures;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PersonalDataPurgeTest {

    /**
     * A table's rows in one event: through its own event_id, or through the table its foreign key points to
     * (connection_member through connection).
     */
    private static final String JOIN_TO_EVENT = """
            select via from (
                select 0 as rank, 'join event e on e.id = t.event_id' as via from pg_attribute
                where attrelid = cast(? as regclass) and attname = 'event_id' and not attisdropped
                union all
                select 1, format('join %I v on v.%I = t.%I join event e on e.id = v.event_id', r.relname, ra.attname,
                    ja.attname)
                from pg_constraint j
                join pg_class r on r.oid = j.confrelid
                join pg_attribute ja on ja.attrelid = j.conrelid and ja.attnum = j.conkey[1]
                join pg_attribute ra on ra.attrelid = j.confrelid and ra.attnum = j.confkey[1]
                where j.conrelid = cast(? as regclass) and j.contype = 'f' and cardinality(j.conkey) = 1
                  and exists (select 1 from pg_attribute e
                              where e.attrelid = j.confrelid and e.attname = 'event_id' and not e.attisdropped)
            ) ways order by rank, via limit 1""";

    /** The columns of a table that refer to a person. */
    private static final String PERSON_COLUMNS = """
            select a.attname from pg_constraint c
            join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
            where c.contype = 'f' and c.confrelid = 'app_user'::regclass and c.conrelid = cast(? as regclass)
            order by 1""";

    @Inject
    DataSource dataSource;

    @Inject
    RetentionPurge retentionPurge;

    @Inject
    Instance<PersonalData> features;

    @Test
    void an_organizer_purges_the_personal_data_of_every_feature_only_after_the_retention_period() {
        String past = ScheduleFixtures.newEvent("purge");
        long talk = ratableTalk(past);
        personalDataInEveryTable(Tokens.attendee(), past, talk, 5, "Great", Tokens.otherAttendee(), Tokens.of("hana"));
        String elsewhere = ScheduleFixtures.newEvent("purge-elsewhere");
        long talkElsewhere = ratableTalk(elsewhere);
        personalDataInEveryTable(Tokens.attendee(), elsewhere, talkElsewhere, 4, "Fine", Tokens.otherAttendee(),
                Tokens.of("hana"));
        moveTalkBackUnnotified(past, talk);
        moveTalkBackUnnotified(elsewhere, talkElsewhere);
        String upcoming = upcomingEvent("purge");
        profile(Tokens.attendee(), upcoming, "Ada");
        Map<String, Long> before = rowsInEveryTable(past);
        Map<String, Long> beforeElsewhere = rowsInEveryTable(elsewhere);

        Api.organizer().post("/api/admin/events/" + upcoming + "/people/purge").then().statusCode(409)
                .body("purgeableFrom", notNullValue());
        // The personal-data set-up puts the attendee on the team; someone outside it is told the event does not exist.
        Api.as(Tokens.of("zoe")).post("/api/admin/events/" + past + "/people/purge").then().statusCode(404);
        // The offline scan adds a profile and a connection; moving the talk back, an entry in the bookmarker's feed.
        Api.organizer().post("/api/admin/events/" + past + "/people/purge").then().statusCode(200)
                .body("profiles", is(3)).body("connections", is(2)).body("exchangeTokens", is(2))
                .body("bookmarks", is(1)).body("calendarLinks", is(1)).body("agendaChanges", is(4))
                .body("feedback", is(1)).body("invitationsAnonymised", is(2)).body("offlineExchangeSecrets", is(1))
                .body("blocks", is(2)).body("conductReports", is(2))
                .body("speakerLinks", is(1)).body("speakerInvitationsAnonymised", is(2));

        Db db = new Db(dataSource);
        assertPurged(db, past, before);
        assertEquals(0, db.count("""
                select count(*) from event_invitation i join event e on e.id = i.event_id
                where e.slug = ? and (i.created_by is not null or i.redeemed_by is not null)""", past),
                "invitations stay, without the people who made or redeemed them");
        assertEquals(0, db.count("""
                select count(*) from speaker_invitation i join event e on e.id = i.event_id
                where e.slug = ? and (i.created_by is not null or i.redeemed_by is not null)""", past),
                "speaker invitations stay, without the people who made or redeemed them");
        assertEquals(beforeElsewhere, rowsInEveryTable(elsewhere), "another event's rows stay");
        assertEquals(1, rowsIn(db, "profile", upcoming));
    }

    @Test
    void the_scheduled_purge_empties_the_events_whose_retention_period_is_over_and_leaves_the_others() {
        String past = ScheduleFixtures.newEvent("scheduled-purge");
        long talk = ratableTalk(past);
        personalDataInEveryTable(Tokens.of("rafa"), past, talk, 3, "Fine", Tokens.of("sami"), Tokens.of("tara"));
        moveTalkBackUnnotified(past, talk);
        String upcoming = upcomingEvent("scheduled-purge");
        profile(Tokens.of("rafa"), upcoming, "Rafa");
        Map<String, Long> before = rowsInEveryTable(past);

        Map<String, Map<String, Long>> purged = retentionPurge.purgeDue(Instant.now()).orElseThrow();

        // The offline scan adds a profile and a connection.
        assertEquals(Map.ofEntries(Map.entry("profiles", 3L), Map.entry("connections", 2L),
                Map.entry("exchangeTokens", 2L), Map.entry("bookmarks", 1L), Map.entry("calendarLinks", 1L),
                // Each of the two heard of the other's meet-up request: an entry in their feed, and a notification;
                // the bookmarker heard of each move of the talk.
                Map.entry("agendaChanges", 4L), Map.entry("feedback", 1L), Map.entry("invitationsAnonymised", 2L),
                Map.entry("pushSubscriptions", 1L), Map.entry("notificationPreferences", 1L),
                Map.entry("notifications", 2L), Map.entry("suggestionSettings", 2L), Map.entry("suggestionTerms", 4L),
                Map.entry("suggestionCandidates", 2L), Map.entry("suggestionDismissals", 2L), Map.entry("offlineExchangeSecrets", 1L), Map.entry("blocks", 2L),
                Map.entry("conductReports", 2L), Map.entry("meetings", 2L), Map.entry("meetingSettings", 1L),
                Map.entry("meetingRateLimits", 2L), Map.entry("speakerLinks", 1L),
                Map.entry("speakerInvitationsAnonymised", 2L)), purged.get(past));
        assertFalse(purged.containsKey(upcoming), purged.toString());
        Db db = new Db(dataSource);
        assertPurged(db, past, before);
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

    /**
     * The person's rows in every feature (PersonalDataFixtures.personalDataOf) and the ones the purge also reaches: a
     * code of their offline secret used by a scanner, the talk moved, the notifications queued for delivery.
     */
    private static void personalDataInEveryTable(String token, String slug, long talk, int rating, String comment,
            String peer, String scanner) {
        personalDataOf(token, slug, talk, rating, comment, peer);
        offlineScan(scanner, token, slug);
        moveTalk(slug, talk);
        notificationsSealed();
    }

    /**
     * Every table a feature keeps people's data in ({@link PersonalData#tables}), with what the purge leaves of it: a
     * table joins this test by joining its feature's declaration.
     */
    private Map<String, AfterPurge> tablesOfPersonalData() {
        Map<String, AfterPurge> tables = new TreeMap<>();
        for (PersonalData feature : features) {
            tables.putAll(feature.tables());
        }
        return tables;
    }

    /** How many rows of the event each table holds; the set-up must put some in every one, or its purge is untested. */
    private Map<String, Long> rowsInEveryTable(String slug) {
        Db db = new Db(dataSource);
        Map<String, Long> rows = new TreeMap<>();
        for (String table : tablesOfPersonalData().keySet()) {
            rows.put(table, rowsIn(db, table, slug));
            assertTrue(rows.get(table) > 0, "the set-up makes no row in " + table + " of " + slug
                    + ": add one (PersonalDataFixtures), so its purge is tested");
        }
        return rows;
    }

    /** Each table is left as its feature declares: emptied, its rows without people, or its rows all kept. */
    private void assertPurged(Db db, String slug, Map<String, Long> before) {
        tablesOfPersonalData().forEach((table, left) -> {
            long rows = rowsIn(db, table, slug);
            switch (left) {
                case NONE -> assertEquals(0, rows, table + " is emptied by the purge");
                case ROWS_WITHOUT_PEOPLE -> {
                    assertEquals(before.get(table), rows, table + " keeps its rows");
                    List<String> people = db.strings(PERSON_COLUMNS, table);
                    assertFalse(people.isEmpty(), table + " is declared to keep its rows without people, but has no column "
                            + "that refers to a person");
                    assertEquals(0, db.count("select count(*) from " + table + " t " + joinToEvent(db, table)
                            + " where e.slug = ? and (" + people.stream().map(column -> "t." + column + " is not null")
                                    .collect(Collectors.joining(" or ")) + ")", slug), table + " keeps no person");
                }
                // The purge itself adds to the audit log.
                case ALL -> assertTrue(rows >= before.get(table), table + " keeps its rows: " + before.get(table)
                        + " before the purge, " + rows + " after");
            }
        });
    }

    private static long rowsIn(Db db, String table, String slug) {
        return db.count("select count(*) from " + table + " t " + joinToEvent(db, table) + " where e.slug = ?", slug);
    }

    private static String joinToEvent(Db db, String table) {
        List<String> joins = db.strings(JOIN_TO_EVENT, table, table);
        assertEquals(1, joins.size(), table + " has no event_id, nor a foreign key to a table with one");
        return joins.get(0);
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
