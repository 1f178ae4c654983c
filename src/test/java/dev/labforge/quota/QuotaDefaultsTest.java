package dev.labforge.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.access.Owner;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which limits apply to an owner without limits of its own. */
class QuotaDefaultsTest {

    private static final Limits USER = new Limits(5, 10, 20, 40960L);
    private static final Limits TEAM = new Limits(50, 100, 200, 409600L);

    /** A store that knows only the limits given to it. */
    private static final class Store extends QuotaStore {
        private final Map<Owner, Limits> rows;

        Store(Map<Owner, Limits> rows) {
            super(null, null);
            this.rows = rows;
        }

        @Override
        Optional<Limits> find(Owner owner) {
            return Optional.ofNullable(rows.get(owner));
        }
    }

    private static Quotas quotas(Map<Owner, Limits> rows, QuotaProperties defaults) {
        return new Quotas(new Store(rows), defaults, List.of(), null);
    }

    @Test
    void ownLimitsWinOverEveryDefault() {
        Owner team = Owner.team(UUID.randomUUID());
        Limits own = new Limits(1, null, null, null);
        assertThat(quotas(Map.of(team, own), new QuotaProperties(USER, TEAM)).limitsOf(team)).isEqualTo(own);
    }

    @Test
    void teamsUseTeamDefaultsWhenConfigured() {
        Owner team = Owner.team(UUID.randomUUID());
        assertThat(quotas(Map.of(), new QuotaProperties(USER, TEAM)).limitsOf(team)).isEqualTo(TEAM);
    }

    @Test
    void withoutTeamDefaultsATeamGetsTheUserDefaultsSoATeamIsNoWayAroundThem() {
        Owner team = Owner.team(UUID.randomUUID());
        Owner user = Owner.user(UUID.randomUUID());
        Quotas quotas = quotas(Map.of(), new QuotaProperties(USER, null));
        assertThat(quotas.limitsOf(team)).isEqualTo(USER);
        assertThat(quotas.limitsOf(user)).isEqualTo(USER);
    }

    @Test
    void anExplicitRowWithoutLimitsMeansUnlimitedEvenWithDefaults() {
        Owner team = Owner.team(UUID.randomUUID());
        assertThat(quotas(Map.of(team, Limits.NONE), new QuotaProperties(USER, TEAM)).limitsOf(team))
                .isEqualTo(Limits.NONE);
    }
}
