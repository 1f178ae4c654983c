package dev.labforge.access;

import dev.labforge.api.ProblemException;
import dev.labforge.api.ProblemType;

/** The credential is good, but an administrator has disabled its user: nothing it asks is done. */
public class AccountDisabled extends ProblemException {

    public AccountDisabled(String username) {
        super(ProblemType.ACCOUNT_DISABLED, "the user '" + username + "' has been disabled by an administrator:"
                + " none of their API tokens or single sign-on tokens work until an administrator enables them again");
    }
}
