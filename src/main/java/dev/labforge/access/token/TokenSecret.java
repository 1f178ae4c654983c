package dev.labforge.access.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** The secret text of an API token: {@code lf_} and 256 random bits, and its SHA-256 hash. */
public record TokenSecret(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();
    public static final int MIN_LENGTH = 20;
    public static final String PREFIX = "lf_";

    public static TokenSecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new TokenSecret(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public byte[] hash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Enough of the token for a person to recognise it in a list, not enough to use it. */
    public String prefix() {
        return value.substring(0, Math.min(8, value.length()));
    }
}
