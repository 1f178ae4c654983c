package dev.labforge.access;

import java.util.Set;

/**
 * A single sign-on token was seen for the first time, with these groups in its claim (empty for no
 * claim). Published after the user's teams follow the groups, so that other modules (a course's
 * roster) can follow them too without the access module knowing them. Listeners run in the signing-in
 * request, before it goes on; a listener's failure must not refuse the sign-in.
 */
public record IdpGroupsSeen(Caller user, Set<String> groups) {

    public IdpGroupsSeen {
        groups = Set.copyOf(groups);
    }
}
