package io.hallway.exchange;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.LaunchMode;

/** The key every replica shares to derive exchange codes: production never runs without it. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TokenKeyTest {

    @Test
    void production_refuses_to_start_without_the_key_and_says_how_to_set_it() {
        var refusal = assertThrows(IllegalStateException.class, () -> new TokenCodec(Optional.empty(), LaunchMode.NORMAL));
        assertTrue(refusal.getMessage().contains("HALLWAY_EXCHANGE_TOKEN_KEY"), refusal.getMessage());
        assertThrows(IllegalStateException.class, () -> new TokenCodec(Optional.of("  "), LaunchMode.NORMAL));
    }

    @Test
    void a_key_shorter_than_32_characters_is_refused_everywhere() {
        for (LaunchMode mode : LaunchMode.values()) {
            assertThrows(IllegalStateException.class, () -> new TokenCodec(Optional.of("x".repeat(31)), mode));
        }
    }

    @Test
    void dev_and_test_generate_a_key_when_none_is_set() {
        assertDoesNotThrow(() -> new TokenCodec(Optional.empty(), LaunchMode.DEVELOPMENT));
        assertDoesNotThrow(() -> new TokenCodec(Optional.empty(), LaunchMode.TEST));
    }

    @Test
    void two_replicas_with_the_same_key_draw_the_same_code() {
        String key = "a-key-shared-by-every-replica-0123456789";
        byte[] nonce = new byte[TokenCodec.NONCE_BYTES];
        TokenCodec one = new TokenCodec(Optional.of(key), LaunchMode.NORMAL);
        TokenCodec other = new TokenCodec(Optional.of(key), LaunchMode.NORMAL);
        assertTrue(one.token(nonce).equals(other.token(nonce)));
    }
}
