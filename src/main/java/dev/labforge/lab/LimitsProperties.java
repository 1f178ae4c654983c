package dev.labforge.lab;

import dev.labforge.topology.TopologyLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Operator bounds on one lab; see {@link TopologyLimits}. */
@ConfigurationProperties("labforge.limits")
record LimitsProperties(@DefaultValue("200") int maxNodes,
                        @DefaultValue("1000") int maxLinks,
                        @DefaultValue("262144") int maxStartupConfigBytes,
                        @DefaultValue("1") int minCpu,
                        @DefaultValue("32") int maxCpu,
                        @DefaultValue("256") int minMemoryMib,
                        @DefaultValue("131072") int maxMemoryMib,
                        @DefaultValue("576") int minMtu,
                        @DefaultValue("9216") int maxMtu) {

    TopologyLimits toDomain() {
        return new TopologyLimits(maxNodes, maxLinks, maxStartupConfigBytes, minCpu, maxCpu, minMemoryMib,
                maxMemoryMib, minMtu, maxMtu);
    }
}
