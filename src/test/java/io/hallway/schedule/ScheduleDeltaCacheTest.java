package io.hallway.schedule;

import static io.hallway.testing.AgendaFixtures.cursor;
import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.Db;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ScheduleDeltaCacheTest {

    @Inject
    DataSource dataSource;

    @Inject
    ScheduleDeltas deltas;

    @Inject
    ScheduleConfig config;

    @Test
    void walking_since_through_every_version_keeps_only_the_recent_deltas_and_answers_each_one_in_full() {
        String slug = newEvent("delta-walk");
        long eventId = new Db(dataSource).count("select id from event where slug = ?", slug);
        int reach = config.deltaCacheVersions();
        List<String> cursors = new ArrayList<>();
        List<String> rooms = new ArrayList<>();
        for (int i = 0; i < reach + 8; i++) {
            cursors.add(cursor(slug));
            rooms.add("Room " + i);
            room(slug, "Room " + i, null);
        }
        long current = scheduleVersion(slug);

        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < cursors.size(); i++) {
                Api.anonymous().queryParam("since", cursors.get(i)).get("/api/events/" + slug + "/schedule/changes").then()
                        .statusCode(200).body("scheduleVersion", equalTo((int) current))
                        .body("fromVersion", equalTo((int) current - cursors.size() + i))
                        .body("rooms.name", containsInAnyOrder(rooms.subList(i, rooms.size()).toArray()));
            }
        }

        assertEquals(reach, deltas.cachedDeltas(eventId));
        assertTrue(deltas.cachedDeltas() <= config.deltaCacheSize(), "kept " + deltas.cachedDeltas());
    }
}
