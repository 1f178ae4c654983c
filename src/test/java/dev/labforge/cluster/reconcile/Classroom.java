package dev.labforge.cluster.reconcile;

import dev.labforge.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * The labs of a classroom: six FRR routers in a ring with one chord across it (seven links), each router with a
 * short OSPF startup config, so each lab needs one Namespace, six VMs, six config Secrets and seven NADs.
 */
public final class Classroom {

    public static final int ROUTERS = 6;
    public static final int LINKS = 7;
    /** Per lab: its namespace, a VM and a config Secret per router, a NAD per link. */
    public static final int OBJECTS_PER_LAB = 1 + 2 * ROUTERS + LINKS;

    private Classroom() {
    }

    public static String lab(String name) {
        StringJoiner nodes = new StringJoiner(",");
        for (int r = 1; r <= ROUTERS; r++) {
            String config = ("hostname r%d\\ninterface lo\\n ip address 10.255.0.%d/32\\n!\\nrouter ospf\\n"
                    + " ospf router-id 10.255.0.%d\\n network 10.0.0.0/8 area 0\\n!\\n").formatted(r, r, r);
            nodes.add("{\"name\":\"r%d\",\"image\":\"frr\",\"startupConfig\":\"%s\"}".formatted(r, config));
        }
        StringJoiner links = new StringJoiner(",");
        for (int r = 1; r <= ROUTERS; r++) { // the ring: r1:eth1-r2:eth1, r2:eth2-r3:eth1, ..., r6:eth2-r1:eth2
            int next = r % ROUTERS + 1;
            links.add("{\"endpoints\":[\"r%d:eth%d\",\"r%d:eth%d\"]}".formatted(r, r == 1 ? 1 : 2, next,
                    next == 1 ? 2 : 1));
        }
        links.add("{\"endpoints\":[\"r1:eth3\",\"r4:eth3\"]}");
        return "{\"name\":\"%s\",\"nodes\":[%s],\"links\":[%s]}".formatted(name, nodes, links);
    }

    /** Defines {@code count} labs over REST; returns their ids in order. */
    static List<UUID> define(ApiClient user, String prefix, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ApiClient.Response created = user.post("/api/v1/labs", lab("%s-%04d".formatted(prefix, i)));
            if (created.status() != 201) {
                throw new AssertionError("could not define lab " + i + ": " + created.status() + " " + created.body());
            }
            ids.add(UUID.fromString(created.json().get("id").asString()));
        }
        return ids;
    }
}
