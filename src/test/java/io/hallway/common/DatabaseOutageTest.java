package io.hallway.common;

import static io.hallway.testing.ScheduleFixtures.newEvent;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.Db;
import io.hallway.testing.EmbeddedDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * PostgreSQL crashes under writes and comes back: meanwhile every request that needs it is a 503 the app can
 * retry, afterwards the service answers again by itself, and no write that was acknowledged is lost.
 */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DatabaseOutageTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    DataSource dataSource;

    @Test
    void a_crashed_database_is_a_503_then_service_resumes_with_every_acknowledged_write() throws Exception {
        assumeTrue(EmbeddedDatabase.inUse(), "stops and starts the embedded PostgreSQL only");
        EmbeddedDatabase database = EmbeddedDatabase.behind(dataSource);
        String slug = newEvent("outage");
        String feed = Api.attendee().post("/api/events/" + slug + "/agenda/calendar-link").then().statusCode(201)
                .extract().jsonPath().getString("url");
        String feedPath = feed.substring(feed.indexOf("/api/calendar-feeds/"));
        String feedSecret = feedPath.substring("/api/calendar-feeds/".length(), feedPath.length() - ".ics".length());
        CapturedLog log = CapturedLog.of(Problems.class.getName());

        // The tests' server runs with synchronous_commit=off, which may lose the last commits in a crash by
        // design; production's default (on) may not. Crash the server as production runs it.
        database.stopCleanly();
        database.start("synchronous_commit=on");
        awaitStatus(200, () -> Api.organizer().get("/api/admin/events/" + slug));

        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(3);
        List<Future<?>> running = new ArrayList<>();
        try {
            for (int writer = 0; writer < 3; writer++) {
                int id = writer;
                running.add(writers.submit(() -> {
                    for (int n = 0; writing.get(); n++) {
                        Response response = Api.organizer().body(Map.of("name", "Room " + id + "-" + n))
                                .post("/api/admin/events/" + slug + "/rooms");
                        statuses.merge(response.statusCode(), 1, Integer::sum);
                        if (response.statusCode() == 201) {
                            acknowledged.add(response.jsonPath().getLong("id"));
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(1_500);
            database.crash();

            Response down = awaitStatus(503, () -> Api.organizer().get("/api/admin/events/" + slug));
            down.then().contentType("application/problem+json").header("Retry-After", not(equalTo(null)))
                    .body("type", equalTo("urn:hallway:problem:database-unavailable"))
                    .body("status", equalTo(503)).body(not(containsString("JDBC")));
            assertTrue(Integer.parseInt(down.header("Retry-After")) > 0);
            Api.anonymous().get("/api/events/" + slug + "/schedule").then().statusCode(503);
            Api.anonymous().get(feedPath).then().statusCode(503);
            Thread.sleep(1_000);

            database.start("synchronous_commit=on");
            awaitStatus(200, () -> Api.organizer().get("/api/admin/events/" + slug));
            Thread.sleep(1_000);
        } finally {
            writing.set(false);
            for (Future<?> writer : running) {
                writer.get();
            }
            writers.shutdown();
            log.close();
        }

        assertTrue(statuses.containsKey(503), "some writes met the outage: " + statuses);
        assertTrue(statuses.keySet().stream().allMatch(status -> status == 201 || status == 503),
                "only acknowledged or refused writes, no failures: " + statuses);
        Db db = new Db(dataSource);
        long kept = acknowledged.stream().filter(id -> db.count("select count(*) from room where id = ?", id) == 1).count();
        assertEquals(acknowledged.size(), kept, "every acknowledged room is still there");
        assertFalse(log.text().contains(feedSecret), "a calendar feed's secret never reaches the log");
        assertTrue(log.text().contains("/api/calendar-feeds/{token}.ics"), log.text());

        // Back to the tests' own settings for the classes that run after this one.
        database.stopCleanly();
        database.start();
        awaitStatus(200, () -> Api.organizer().get("/api/admin/events/" + slug));
    }

    private static Response awaitStatus(int status, Supplier<Response> request) throws InterruptedException {
        Instant giveUp = Instant.now().plus(PATIENCE);
        Response response = request.get();
        while (response.statusCode() != status && Instant.now().isBefore(giveUp)) {
            Thread.sleep(200);
            response = request.get();
        }
        assertEquals(status, response.statusCode(), response.asString());
        return response;
    }

    /** What one logger writes while the test runs. */
    private static final class CapturedLog extends Handler {
        private final StringBuilder text = new StringBuilder();
        private final Logger logger;

        private CapturedLog(Logger logger) {
            this.logger = logger;
        }

        static CapturedLog of(String name) {
            CapturedLog log = new CapturedLog(Logger.getLogger(name));
            log.logger.addHandler(log);
            return log;
        }

        @Override
        public synchronized void publish(LogRecord record) {
            text.append(record.getMessage()).append(' ');
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text.append(parameter).append(' ');
                }
            }
            text.append('\n');
        }

        synchronized String text() {
            return text.toString();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }
}
