package dev.rollcall.delivery;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.util.List;

/**
 * Makes a key pair per algorithm: the public half as a JWK (what the JWKS publishes), the private
 * half as text to seal (ES256: the private JWK).
 */
public final class KeyGenerators {

    public record Generated(String publicJwk, String privateKey) {
    }

    public List<String> algorithms() {
        return List.of(dev.rollcall.delivery.rules.SigningKey.ES256);
    }

    public boolean supports(String alg) {
        return algorithms().contains(alg);
    }

    public Generated generate(String alg, String kid) {
        if (!supports(alg)) {
            throw new IllegalArgumentException("no key generator for " + alg);
        }
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .generate();
            return new Generated(key.toPublicJWK().toJSONString(), key.toJSONString());
        } catch (JOSEException e) {
            throw new IllegalStateException("an ES256 key could not be made", e);
        }
    }
}
