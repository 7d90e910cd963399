package io.hallway.suggestions;

import static io.hallway.testing.PeopleFixtures.profilePath;
import static io.hallway.testing.PeopleFixtures.saveProfile;
import static io.hallway.testing.ScheduleFixtures.newEvent;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.Db;
import io.hallway.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Two devices of one person changing what they are matched on at the same moment. */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SuggestionRaceTest {

    @Inject
    SuggestionLocks locks;

    @Inject
    PoolWorker poolWorker;

    @Inject
    DataSource dataSource;

    /**
     * The opt-out has taken away her settings and terms, not yet committed, when the profile save from her other
     * device reads her settings: the profile save waits for the opt-out and then finds nothing to match on.
     */
    @Test
    void a_profile_save_during_an_opt_out_leaves_nothing_to_match_on() throws Exception {
        Db db = new Db(dataSource);
        String slug = newEvent("suggest-race");
        String hana = Tokens.of("hana");
        String hugo = Tokens.of("hugo");
        long hanaProfile = optedIn(hana, slug);
        optedIn(hugo, slug);
        long eventId = db.count("select id from event where slug = ?", slug);
        long hanaId = db.userId(hana);

        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            // Holding the event's pool lock stops the opt-out after its deletes, before its commit.
            Future<?> pools = threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                locks.pools(eventId);
                held.countDown();
                await(release);
            }));
            await(held);
            Future<Integer> optOut = threads.submit(() -> Api.as(hana).body(Map.of("optedIn", false))
                    .put(settings(slug)).then().extract().statusCode());
            waitUntilWaiting(db, 1);
            Future<Integer> profileSave = threads.submit(() -> Api.as(hana).body(profile()).put(profilePath(slug))
                    .then().extract().statusCode());
            waitUntilWaiting(db, 2);
            release.countDown();
            pools.get(60, TimeUnit.SECONDS);
            assertEquals(200, optOut.get(60, TimeUnit.SECONDS));
            assertEquals(200, profileSave.get(60, TimeUnit.SECONDS));
        } finally {
            threads.shutdownNow();
        }

        assertEquals(0, db.count("select count(*) from suggestion_term where event_id = ? and user_id = ?", eventId, hanaId));
        assertEquals(0, db.count("select count(*) from suggestion_candidate where event_id = ? and (user_id = ? or candidate_id = ?)",
                eventId, hanaId, hanaId));
        // Hugo's next build does not find her again through terms the profile save wrote.
        db.update("update suggestion_setting set pool_due_at = now() where event_id = ?", eventId);
        poolWorker.buildDue(Instant.now().plusSeconds(30));
        Api.as(hugo).get("/api/events/" + slug + "/me/suggestions").then().statusCode(200)
                .body("person.id", not(hasItem((int) hanaProfile)));
    }

    /** Until as many transactions wait for a lock: the requests got as far as the test means them to. */
    private static void waitUntilWaiting(Db db, int transactions) {
        Instant giveUp = Instant.now().plusSeconds(60);
        while (db.count("select count(distinct pid) from pg_locks where not granted") < transactions) {
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("Fewer than " + transactions + " transactions ever waited for a lock");
            }
            Thread.onSpinWait();
        }
    }

    private static Map<String, Object> profile() {
        return Map.of("displayName", "Someone", "interests", List.of("Go"),
                "visibility", Map.of("displayName", "everyone", "interests", "everyone"));
    }

    private static long optedIn(String token, String slug) {
        long profile = saveProfile(token, slug, profile());
        Api.as(token).body(Map.of("optedIn", true, "useInterests", true)).put(settings(slug)).then().statusCode(200)
                .body("optedIn", equalTo(true));
        return profile;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The test never let go of the lock");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String settings(String slug) {
        return "/api/events/" + slug + "/me/suggestion-settings";
    }
}
