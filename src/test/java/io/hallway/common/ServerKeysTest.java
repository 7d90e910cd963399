package io.hallway.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Db;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServerKeysTest {

    @Inject
    DataSource dataSource;

    @Inject
    ServerKeys keys;

    @Test
    void a_replica_started_later_reads_the_key_the_first_one_made() {
        String purpose = "test-" + UUID.randomUUID();

        byte[] first = keys.key(purpose);
        byte[] restarted = new ServerKeys(dataSource, new SimpleMeterRegistry()).key(purpose);

        assertArrayEquals(first, restarted);
        assertEquals(32, first.length);
        assertEquals(32, new Db(dataSource).count("select octet_length(key) from server_key where purpose = ?", purpose));
    }

    @Test
    void each_purpose_has_its_own_random_key() {
        byte[] one = keys.key("test-" + UUID.randomUUID());
        byte[] other = keys.key("test-" + UUID.randomUUID());

        assertFalse(Arrays.equals(one, other));
    }

    @Test
    void a_key_made_in_a_transaction_that_rolls_back_is_kept() {
        String purpose = "test-" + UUID.randomUUID();

        QuarkusTransaction.begin();
        byte[] used = keys.key(purpose);
        QuarkusTransaction.rollback();

        assertArrayEquals(used, new ServerKeys(dataSource, new SimpleMeterRegistry()).key(purpose));
    }
}
