package dev.labforge.quota;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Limits for owners without limits of their own, set with {@code labforge.quota.user.*} and
 * {@code labforge.quota.team.*} (labs, running-nodes, vcpus, memory-mib). Unset means no limit.
 */
@ConfigurationProperties("labforge.quota")
public record QuotaProperties(@NestedConfigurationProperty Limits user, @NestedConfigurationProperty Limits team) {

    public QuotaProperties {
        user = user == null ? Limits.NONE : user;
        team = team == null ? Limits.NONE : team;
    }
}
