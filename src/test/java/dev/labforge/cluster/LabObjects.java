package dev.labforge.cluster;

import dev.labforge.cluster.kubevirt.ConfigSecrets;
import dev.labforge.cluster.kubevirt.Namespaces;
import dev.labforge.cluster.kubevirt.VirtualMachines;
import dev.labforge.cluster.multus.LinkDriver;
import dev.labforge.cluster.plan.ClusterLabels;
import dev.labforge.cluster.plan.DesiredRun;
import dev.labforge.cluster.plan.LabPlan;
import dev.labforge.cluster.plan.LabPlanner;
import dev.labforge.cluster.plan.NodePlan;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every object of a lab in apply order (Namespace, NADs, then Secret and VM per node), as the reconciler renders them. */
public final class LabObjects {

    private LabObjects() {
    }

    /** The lab planned to run with every node running, as a start of the whole lab asks. */
    public static LabPlan planRunning(LabPlanner planner, dev.labforge.lab.LabDefinition lab) {
        Map<String, Boolean> running = new java.util.HashMap<>();
        lab.topology().nodes().forEach(node -> running.put(node.name(), true));
        return planner.plan(lab, DesiredRun.RUNNING, running);
    }

    public static List<HasMetadata> render(LabPlan lab, LinkDriver driver) {
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(Namespaces.render(lab));
        lab.links().forEach(link -> objects.add(driver.render(lab, link)));
        for (NodePlan node : lab.nodes()) {
            Secret secret = ConfigSecrets.render(lab, node);
            if (secret != null) {
                objects.add(secret);
            }
            objects.add(VirtualMachines.render(lab, node));
        }
        return objects;
    }

    /** "Kind/name" → spec hash, for comparing two renderings. */
    public static Map<String, String> hashes(LabPlan lab, LinkDriver driver) {
        Map<String, String> hashes = new LinkedHashMap<>();
        render(lab, driver).forEach(o -> hashes.put(key(o), ClusterLabels.specHash(o)));
        return hashes;
    }

    public static String key(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }

    public static List<HasMetadata> ofKind(List<HasMetadata> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.getKind())).toList();
    }
}
