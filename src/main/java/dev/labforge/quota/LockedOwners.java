package dev.labforge.quota;

import dev.labforge.access.Owner;
import java.util.HashMap;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The owners whose quota locks the current transaction holds, with the limits it read under them. A
 * start asks for the lock and then for admission: the second ask costs no round trip to the database.
 */
final class LockedOwners {

    private static final Object KEY = LockedOwners.class;

    private LockedOwners() {
    }

    @SuppressWarnings("unchecked")
    static Map<Owner, Limits> inTransaction() {
        Map<Owner, Limits> held = (Map<Owner, Limits>) TransactionSynchronizationManager.getResource(KEY);
        if (held == null) {
            Map<Owner, Limits> mine = new HashMap<>();
            held = mine;
            TransactionSynchronizationManager.bindResource(KEY, mine);
            // an inner transaction of its own (REQUIRES_NEW) holds no locks yet: it must not see these
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(KEY, mine);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
        }
        return held;
    }
}
