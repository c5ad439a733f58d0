package dev.rollcall.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Mints bearer tokens and derives the only form in which they are stored: their SHA-256.
 * Tokens carry 256 bits of randomness, so a plain hash (no salt, no stretching) is enough and
 * lets a request be authenticated with a single indexed lookup.
 */
public final class AccessTokens {
    private final SecureRandom random;

    public AccessTokens(SecureRandom random) {
        this.random = random;
    }

    /** A new token; the prefix tells operators what a leaked string is ("rc_src_", "rc_adm_"). */
    public String mint(String prefix) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
