package io.hallway.exchange;

import static io.hallway.testing.PeopleFixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.Db;
import io.hallway.testing.ScheduleFixtures;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class IdempotencyExpiryTest {

    @Inject
    DataSource dataSource;

    @Inject
    IdempotencyExpiry expiry;

    @Test
    void idempotency_keys_older_than_the_retention_are_forgotten_and_newer_ones_kept() {
        String slug = ScheduleFixtures.newEvent("idem-expiry");
        String oldKey = UUID.randomUUID().toString();
        String newKey = UUID.randomUUID().toString();
        profile(Tokens.of("pia"), slug, "Pia");
        for (String key : new String[] { oldKey, newKey }) {
            Api.as(Tokens.of("quinn")).header("Idempotency-Key", key)
                    .body(Map.of("token", issue(Tokens.of("pia"), slug).getString("token")))
                    .post(connectionsPath(slug)).then().statusCode(anyOf(is(200), is(201)));
        }
        Db db = new Db(dataSource);
        db.update("update exchange_idempotency set created_at = now() - interval '25 hours' where idem_key = ?", oldKey);

        assertTrue(expiry.expire(Instant.now()).orElseThrow() >= 1);

        assertEquals(0, db.count("select count(*) from exchange_idempotency where idem_key = ?", oldKey));
        assertEquals(1, db.count("select count(*) from exchange_idempotency where idem_key = ?", newKey));
    }
}
