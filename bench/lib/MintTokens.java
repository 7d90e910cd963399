import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * Mints real RS256 bearer tokens for benchmarks, so the packaged jar can verify them with
 * quarkus.oidc.public-key and no identity provider has to run. JDK only, run as a single-file program:
 *
 *   java bench/lib/MintTokens.java keys DIR                      writes DIR/private.der and DIR/public.b64
 *   java bench/lib/MintTokens.java mint DIR ROLE PREFIX N OUT    writes N tokens (users PREFIX0..PREFIXN-1), one a line
 *
 * Tokens carry Keycloak's layout (realm_access.roles), the issuer and audience the jar is started with
 * (see common.sh) and a lifetime of 12 hours.
 */
public class MintTokens {

    static final String ISSUER = "https://bench.hallway.invalid/realms/hallway";
    static final String AUDIENCE = "hallway";

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "keys" -> writeKeys(dir);
            case "mint" -> mint(dir, args[2], args[3], Integer.parseInt(args[4]), Path.of(args[5]));
            default -> throw new IllegalArgumentException("keys DIR | mint DIR ROLE PREFIX N OUT");
        }
    }

    static void writeKeys(Path dir) throws Exception {
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.write(dir.resolve("private.der"), pair.getPrivate().getEncoded());
        Files.writeString(dir.resolve("public.b64"), Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
    }

    static void mint(Path dir, String role, String prefix, int count, Path out) throws Exception {
        PrivateKey key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(dir.resolve("private.der"))));
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        long now = Instant.now().getEpochSecond();
        StringBuilder lines = new StringBuilder();
        Signature signature = Signature.getInstance("SHA256withRSA");
        for (int i = 0; i < count; i++) {
            String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + prefix + i
                    + "\",\"preferred_username\":\"" + prefix + i + "\",\"iat\":" + now + ",\"exp\":" + (now + 43_200)
                    + ",\"realm_access\":{\"roles\":[\"" + role + "\"]}}";
            String signingInput = header + "." + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            lines.append(signingInput).append('.').append(url.encodeToString(signature.sign())).append('\n');
        }
        Files.writeString(out, lines);
    }
}
