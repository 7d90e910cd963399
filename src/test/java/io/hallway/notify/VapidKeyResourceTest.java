package io.hallway.notify;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECFieldFp;
import java.util.Arrays;
import java.util.Base64;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class VapidKeyResourceTest {

    @Inject
    VapidKeys keys;

    @Test
    void anyone_gets_the_public_key_web_apps_subscribe_with_and_may_cache_it_for_an_hour() throws Exception {
        String publicKey = Api.anonymous().get("/api/push/vapid-public-key").then().statusCode(200)
                .contentType("application/json").header("Cache-Control", "public, max-age=3600")
                .body("publicKey", equalTo(keys.publicKeyBase64Url())).extract().path("publicKey");

        byte[] point = Base64.getUrlDecoder().decode(publicKey);
        assertEquals(65, point.length);
        assertEquals(4, point[0], "uncompressed point");
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 33, 65));
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec p256 = parameters.getParameterSpec(ECParameterSpec.class);
        BigInteger p = ((ECFieldFp) p256.getCurve().getField()).getP();
        // On the curve: y² = x³ + ax + b (mod p)
        assertEquals(y.modPow(BigInteger.TWO, p),
                x.pow(3).add(p256.getCurve().getA().multiply(x)).add(p256.getCurve().getB()).mod(p));
    }
}
