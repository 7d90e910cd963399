package io.hallway.exchange;

import static io.hallway.testing.PeopleFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

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
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < 50; i++) {
            String scanner = scanners.get(i % scanners.size());
            scans.add(() -> {
                start.await();
                return scan(scanner, slug, code).statusCode();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            scans.forEach(s -> futures.add(pool.submit(s)));
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : futures) {
                statuses.add(future.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(49, statuses.stream().filter(s -> s == 410).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
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
}
