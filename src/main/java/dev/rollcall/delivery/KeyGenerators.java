package dev.rollcall.delivery;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.rollcall.delivery.rules.SigningKey;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Makes a key pair per algorithm: the public half as a JWK (what the JWKS publishes), the private
 * half as text to seal. ES256: Nimbus, the private JWK. Ed25519: the JDK's, the PKCS#8 encoding in
 * base64 (Nimbus would need Tink to sign with an OKP key), published as an OKP JWK.
 */
public final class KeyGenerators {
    /** An Ed25519 X.509 SubjectPublicKeyInfo is this prefix and the 32-byte raw key (RFC 8410). */
    static final int ED25519_SPKI_PREFIX = 12;

    public record Generated(String publicJwk, String privateKey) {
    }

    public List<String> algorithms() {
        return List.of(SigningKey.ES256, SigningKey.ED25519);
    }

    public boolean supports(String alg) {
        return algorithms().contains(alg);
    }

    public Generated generate(String alg, String kid) {
        if (SigningKey.ES256.equals(alg)) {
            return es256(kid);
        }
        if (SigningKey.ED25519.equals(alg)) {
            return ed25519(kid);
        }
        throw new IllegalArgumentException("no key generator for " + alg);
    }

    private static Generated es256(String kid) {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .generate();
            return new Generated(key.toPublicJWK().toJSONString(), key.toJSONString());
        } catch (JOSEException e) {
            throw new IllegalStateException("an ES256 key could not be made", e);
        }
    }

    private static Generated ed25519(String kid) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] spki = pair.getPublic().getEncoded();
            byte[] raw = Arrays.copyOfRange(spki, ED25519_SPKI_PREFIX, spki.length);
            String x = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            String jwk = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + x + "\",\"kid\":\"" + kid
                    + "\",\"alg\":\"EdDSA\",\"use\":\"sig\"}";
            return new Generated(jwk, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an Ed25519 key could not be made", e);
        }
    }
}
