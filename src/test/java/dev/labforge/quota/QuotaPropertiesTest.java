package dev.labforge.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class QuotaPropertiesTest {

    @Test
    void defaultsBindFromKebabCasePropertiesAndUnsetMeansNoLimit() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "labforge.quota.user.running-nodes", "10",
                "labforge.quota.user.memory-mib", "65536",
                "labforge.quota.team.vcpus", "64")));
        QuotaProperties properties = binder.bind("labforge.quota", QuotaProperties.class).get();
        assertThat(properties.user()).isEqualTo(new Limits(null, 10, null, 65536L));
        assertThat(properties.team()).isEqualTo(new Limits(null, null, 64, null));
    }

    @Test
    void nothingConfiguredMeansNoLimits() {
        QuotaProperties properties = new QuotaProperties(null, null);
        assertThat(properties.user()).isEqualTo(Limits.NONE);
        assertThat(properties.team()).isEqualTo(Limits.NONE);
    }
}
