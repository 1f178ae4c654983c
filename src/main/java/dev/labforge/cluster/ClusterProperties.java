package dev.labforge.cluster;

import dev.labforge.cluster.simulated.SimulatedNode;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param kubeconfig    path to a kubeconfig; empty means in-cluster credentials when running in a pod,
 *                      and otherwise the simulated cluster
 * @param simulated     force the simulated cluster even where a real one is reachable
 * @param linkDriver    {@code bridge} (one Linux bridge per link; all VMs of a lab on one node) or
 *                      {@code vlan} (a VLAN per link on a trunk bridge; labs may span nodes)
 * @param trunkBridge   the vlan driver's bridge on every node, uplinked to the trunk
 * @param vlanDomain    name of the L2 domain the trunk forms; VLAN ids are unique within it
 * @param defaultMtu    MTU of links that do not set one
 * @param resync        how often every lab is reconciled even without a change (drift repair)
 * @param workers       labs reconciled in parallel; besides them, half as many again only for labs whose objects
 *                      changed, so that status keeps up while every worker deploys
 * @param bootDelay     simulated cluster only: how long a VM takes from Starting to Running
 * @param drain         at shutdown, how long reconcile passes under way may take to finish before they are
 *                      interrupted; part of the bounded stop the chart's terminationGracePeriodSeconds allows for
 * @param simulatedNodes simulated cluster only: its Kubernetes Nodes (name, labels, allocatable cpu and memory),
 *                      onto which VMs are scheduled; none: one node big enough for anything (see
 *                      {@link SimulatedNode#DEFAULT})
 */
@ConfigurationProperties("labforge.cluster")
public record ClusterProperties(String kubeconfig,
                                @DefaultValue("false") boolean simulated,
                                @DefaultValue("bridge") String linkDriver,
                                @DefaultValue("br-trunk") String trunkBridge,
                                @DefaultValue("default") String vlanDomain,
                                @DefaultValue("100") int vlanMin,
                                @DefaultValue("3999") int vlanMax,
                                @DefaultValue("1500") int defaultMtu,
                                @DefaultValue("5m") Duration resync,
                                @DefaultValue("8") int workers,
                                @DefaultValue("2s") Duration bootDelay,
                                @DefaultValue("5s") Duration drain,
                                List<SimulatedNode> simulatedNodes) {

    public ClusterProperties {
        simulatedNodes = simulatedNodes == null ? List.of() : List.copyOf(simulatedNodes);
    }
}
