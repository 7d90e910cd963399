package io.hallway.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Optional;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.quarkus.runtime.LaunchMode;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class VapidKeysTest {

    private static final Optional<String> SUBJECT = Optional.of("mailto:ops@hallway.example");
    private final KeyPair pair = TestPushService.newP256KeyPair();
    private final Optional<String> publicKey = Optional
            .of(TestPushService.base64Url(TestPushService.uncompressed((ECPublicKey) pair.getPublic())));
    private final Optional<String> privateKey = Optional.of(privateScalar(pair));

    @Test
    void production_uses_the_configured_pair_and_serves_its_public_key_as_configured() {
        VapidKeys keys = new VapidKeys(publicKey, privateKey, SUBJECT, LaunchMode.NORMAL);

        assertTrue(keys.enabled());
        assertEquals(publicKey.get(), keys.publicKeyBase64Url());
        assertEquals(pair.getPublic(), keys.publicKey());
        assertEquals(SUBJECT.get(), keys.subject());
    }

    @Test
    void production_without_a_pair_sends_no_web_push_and_the_key_endpoint_says_so() {
        VapidKeys keys = new VapidKeys(Optional.empty(), Optional.of(" "), Optional.empty(), LaunchMode.NORMAL);
        VapidKeyResource resource = new VapidKeyResource();
        resource.keys = keys;

        assertFalse(keys.enabled());
        assertThrows(IllegalStateException.class, keys::publicKeyBase64Url);
        Problem problem = assertThrows(Problem.class, resource::publicKey);
        assertEquals(ProblemType.PUSH_NOT_CONFIGURED, problem.type());
        assertEquals(404, problem.status());
    }

    @Test
    void dev_and_test_runs_without_a_pair_make_one_of_their_own() {
        VapidKeys first = new VapidKeys(Optional.empty(), Optional.empty(), SUBJECT, LaunchMode.DEVELOPMENT);
        VapidKeys second = new VapidKeys(Optional.empty(), Optional.empty(), SUBJECT, LaunchMode.TEST);

        assertTrue(first.enabled() && second.enabled());
        assertFalse(first.publicKeyBase64Url().equals(second.publicKeyBase64Url()));
    }

    @Test
    void half_a_pair_refuses_to_start_and_names_the_missing_half() {
        assertRefused(VapidKeys.PRIVATE_KEY, publicKey, Optional.empty(), SUBJECT);
        assertRefused(VapidKeys.PUBLIC_KEY, Optional.empty(), privateKey, SUBJECT);
    }

    @Test
    void a_private_key_of_another_pair_refuses_to_start() {
        assertRefused(VapidKeys.PRIVATE_KEY, publicKey, Optional.of(privateScalar(TestPushService.newP256KeyPair())),
                SUBJECT);
    }

    @Test
    void keys_of_the_wrong_shape_refuse_to_start_and_name_their_property() {
        assertRefused(VapidKeys.PUBLIC_KEY, Optional.of(publicKey.get().substring(2)), privateKey, SUBJECT);
        assertRefused(VapidKeys.PUBLIC_KEY, Optional.of("not+base64url/"), privateKey, SUBJECT);
        assertRefused(VapidKeys.PRIVATE_KEY, publicKey, Optional.of(privateKey.get() + "AAAA"), SUBJECT);
    }

    @Test
    void a_pair_without_a_contact_subject_refuses_to_start() {
        assertRefused(VapidKeys.SUBJECT, publicKey, privateKey, Optional.empty());
        assertRefused(VapidKeys.SUBJECT, publicKey, privateKey, Optional.of("ops@hallway.example"));
        assertRefused(VapidKeys.SUBJECT, publicKey, privateKey, Optional.of("http://hallway.example"));
    }

    private static void assertRefused(String property, Optional<String> publicKey, Optional<String> privateKey,
            Optional<String> subject) {
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> new VapidKeys(publicKey, privateKey, subject, LaunchMode.NORMAL));
        assertTrue(refusal.getMessage().startsWith(property), refusal.getMessage());
    }

    private static String privateScalar(KeyPair pair) {
        BigInteger s = ((ECPrivateKey) pair.getPrivate()).getS();
        byte[] bytes = s.toByteArray();
        byte[] scalar = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, scalar, 32 - length, length);
        return TestPushService.base64Url(scalar);
    }
}
