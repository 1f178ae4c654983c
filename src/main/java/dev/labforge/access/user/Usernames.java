package dev.labforge.access.user;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** LabForge user names: what the {@code users_username_format} check accepts, and how to get there. */
public final class Usernames {

    static final Pattern FORMAT = Pattern.compile("[a-z0-9]([-a-z0-9._]{0,61}[a-z0-9])?");
    static final int MAX_LENGTH = 63;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern INVALID = Pattern.compile("[^-a-z0-9._]");
    private static final Pattern EDGES = Pattern.compile("^[^a-z0-9]+|[^a-z0-9]+$");

    private Usernames() {
    }

    /**
     * A valid user name made from what an identity provider calls the user: the part before an
     * {@code @}, accents dropped, lower case, other characters turned into {@code -}, at most 63
     * characters, starting and ending with a letter or digit. Empty when nothing usable is left.
     */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = raw.strip();
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        name = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
        name = INVALID.matcher(MARKS.matcher(name).replaceAll("")).replaceAll("-");
        if (name.length() > MAX_LENGTH) {
            name = name.substring(0, MAX_LENGTH);
        }
        name = EDGES.matcher(name).replaceAll("");
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }
}
