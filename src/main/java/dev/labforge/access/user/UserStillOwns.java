package dev.labforge.access.user;

import dev.labforge.access.UserHoldings;
import dev.labforge.api.ProblemException;
import dev.labforge.api.ProblemType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A user who owns labs cannot be deleted: the answer names them, all of them in {@code holdings}. */
class UserStillOwns extends ProblemException {

    private static final int NAMED_IN_DETAIL = 10;

    private final List<UserHoldings.Holding> holdings;

    UserStillOwns(String username, List<UserHoldings.Holding> holdings) {
        super(ProblemType.CONFLICT, "the user '" + username + "' still owns " + describe(holdings)
                + "; delete them first (administrators may), or disable the user instead, which keeps them");
        this.holdings = List.copyOf(holdings);
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("holdings", holdings);
    }

    private static String describe(List<UserHoldings.Holding> holdings) {
        String named = holdings.stream().limit(NAMED_IN_DETAIL)
                .map(h -> h.kind() + " '" + h.name() + "' (" + h.id() + ")").collect(Collectors.joining(", "));
        return named + (holdings.size() > NAMED_IN_DETAIL ? " and " + (holdings.size() - NAMED_IN_DETAIL) + " more"
                : "");
    }
}
