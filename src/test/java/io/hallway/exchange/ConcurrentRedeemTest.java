package io.hallway.exchange;

import static io.hallway.testing.PeopleFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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

import io.hallway.testing.AtOnce;
import io.hallway.testing.Db;
import io.hallway.testing.ScheduleFixtures;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConcurrentRedeemTest {

    @Inject
    DataSource dataSource;

    @Test
    void fifty_concurrent_scans_of_one_code_make_exactly_one_connection() throws Exception {
        String slug = ScheduleFixtures.newEvent("race");
        profile(Tokens.organizer(), slug, "Olivia");
        String code = issue(Tokens.organizer(), slug).getString("token");
        // Five people scanning ten times each stay under the per-person scan limit
        List<String> scanners = List.of(Tokens.attendee(), Tokens.otherAttendee(), Tokens.of("zoe"), Tokens.of("nina"),
                Tokens.of("omar"));
        List<Callable<Integer>> scans = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String scanner = scanners.get(i % scanners.size());
            scans.add(() -> scan(scanner, slug, code).statusCode());
        }
        List<Integer> statuses = AtOnce.statuses(scans);
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(49, statuses.stream().filter(s -> s == 410).count(), statuses.toString());
        Db db = new Db(dataSource);
        assertEquals(1, db.count("select count(*) from connection c join event e on e.id = c.event_id where e.slug = ?", slug));
    }

    @Test
    void two_people_scanning_each_other_at_the_same_moment_make_one_connection() throws Exception {
        for (int round = 0; round < 5; round++) {
            String slug = ScheduleFixtures.newEvent("mutual");
            String ada = Tokens.attendee();
            String bruno = Tokens.otherAttendee();
            profile(ada, slug, "Ada");
            profile(bruno, slug, "Bruno");
            String adaCode = issue(ada, slug).getString("token");
            String brunoCode = issue(bruno, slug).getString("token");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> adaScans = pool.submit(() -> {
                    start.await();
                    return scan(ada, slug, brunoCode).statusCode();
                });
                Future<Integer> brunoScans = pool.submit(() -> {
                    start.await();
                    return scan(bruno, slug, adaCode).statusCode();
                });
                start.countDown();
                List<Integer> statuses = List.of(adaScans.get(), brunoScans.get());
                assertTrue(statuses.containsAll(List.of(201, 200)), statuses.toString());
            } finally {
                pool.shutdownNow();
            }
            Db db = new Db(dataSource);
            assertEquals(1, db.count("select count(*) from connection c join event e on e.id = c.event_id where e.slug = ?", slug));
            // Both showed a code, so both share with each other
            assertEquals(2, db.count("""
                    select count(*) from connection_member m join connection c on c.id = m.connection_id
                    join event e on e.id = c.event_id where e.slug = ? and m.shares""", slug));
            io.hallway.testing.Api.attendee().get(connectionsPath(slug)).then().statusCode(200)
                    .body("items[0].person.displayName", org.hamcrest.Matchers.is("Bruno"))
                    .body("items[0].sharedWithMe", org.hamcrest.Matchers.is(true))
                    .body("items[0].sharingBack", org.hamcrest.Matchers.is(true));
        }
    }

    @Test
    void a_scan_that_meets_a_pair_committed_while_it_waited_joins_that_connection() throws Exception {
        String slug = ScheduleFixtures.newEvent("late-pair");
        String ada = Tokens.attendee();
        String bruno = Tokens.otherAttendee();
        profile(ada, slug, "Ada");
        profile(bruno, slug, "Bruno");
        String adaCode = issue(ada, slug).getString("token");
        Db db = new Db(dataSource);
        long eventId = db.count("select id from event where slug = ?", slug);
        long adaId = db.userId(ada);
        long brunoId = db.userId(bruno);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection other = dataSource.getConnection()) {
            // Another scan of the same pair, inserted but not yet committed when Bruno's scan starts
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement(
                    "insert into connection (event_id, user_low, user_high) values (?, ?, ?)")) {
                insert.setLong(1, eventId);
                insert.setLong(2, Math.min(adaId, brunoId));
                insert.setLong(3, Math.max(adaId, brunoId));
                insert.executeUpdate();
            }
            Future<Integer> brunoScans = pool.submit(() -> scan(bruno, slug, adaCode).statusCode());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (db.count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'") == 0) {
                assertTrue(System.nanoTime() < deadline, "the scan never waited for the uncommitted pair");
                Thread.sleep(20);
            }
            other.commit();
            assertEquals(200, brunoScans.get(20, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, db.count("select count(*) from connection where event_id = ?", eventId));
        assertEquals(2, db.count("""
                select count(*) from connection_member m join connection c on c.id = m.connection_id
                where c.event_id = ?""", eventId));
        // Ada showed her code, so she shares; Bruno has not shared back
        io.hallway.testing.Api.as(bruno).get(connectionsPath(slug)).then().statusCode(200)
                .body("items[0].person.displayName", org.hamcrest.Matchers.is("Ada"))
                .body("items[0].sharedWithMe", org.hamcrest.Matchers.is(true))
                .body("items[0].sharingBack", org.hamcrest.Matchers.is(false));
    }
}
