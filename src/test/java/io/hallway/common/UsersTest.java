package io.hallway.common;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.Db;
import io.hallway.testing.PeopleFixtures;
import io.hallway.testing.ScheduleFixtures;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UsersTest {

    @Inject
    DataSource dataSource;

    @Test
    void a_first_call_that_fails_leaves_no_remembered_id_behind() {
        String slug = ScheduleFixtures.newEvent("first-call");
        String vera = Tokens.of("vera");
        String subject = PeopleFixtures.subject(vera);
        Db db = new Db(dataSource);
        // Her very first call creates her id row, then fails validation: the whole transaction rolls back
        Api.as(vera).body(Map.of("displayName", "Vera", "photoUrl", "javascript:alert(1)"))
                .put("/api/events/" + slug + "/me/profile").then().statusCode(400);
        assertEquals(0, db.count("select count(*) from app_user where subject = ?", subject));

        Api.as(vera).body(Map.of("displayName", "Vera")).put("/api/events/" + slug + "/me/profile")
                .then().statusCode(201).body("displayName", is("Vera"));
        Api.as(vera).get("/api/events/" + slug + "/me/profile").then().statusCode(200).body("displayName", is("Vera"));
        assertEquals(1, db.count("""
                select count(*) from profile p join app_user u on u.id = p.user_id
                join event e on e.id = p.event_id where u.subject = ? and e.slug = ?""", subject, slug));
    }
}
