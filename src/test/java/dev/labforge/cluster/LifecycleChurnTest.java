package dev.labforge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import dev.labforge.cluster.plan.DesiredRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A property: whatever lifecycle requests reach a lab, in whatever order and however close together, the lab
 * converges to what the last of them asked, with nothing of it left in the cluster once destroyed or deleted.
 * Sequences are random, from a seed printed with every failure; {@code -Dchurn.seed=...} replays one.
 */
class LifecycleChurnTest extends IntegrationTest {

    /** {@code -Dchurn.sequences=...} runs more of them, for a longer search. */
    private static final int SEQUENCES = Integer.getInteger("churn.sequences", 6);
    private static final int NODES = 3;
    private static final int MAX_GAP_MILLIS = 200;

    @Autowired
    ClusterConnection cluster;

    private ApiClient user;
    private LabCluster labs;

    @BeforeEach
    void setUp() {
        Catalog.ensure(api());
        user = api().newUser();
        labs = new LabCluster(user, cluster.client());
    }

    @Test
    void aLabConvergesToTheLastRequestWhateverTheSequence() {
        long seed = Long.getLong("churn.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            UUID lab = labs.create("churn-" + sequence, NODES);
            Model model = new Model();
            List<String> sent = new ArrayList<>();
            int length = 2 + random.nextInt(9);
            for (int i = 0; i < length && !model.deleted; i++) {
                Request request = Request.random(random, i == 0);
                int expectedStatus = model.apply(request);
                ApiClient.Response answer = request.send(user, lab);
                sent.add(request + " -> " + answer.status());
                assertThat(answer.status()).as("seed %d, lab %s, requests %s: %s", seed, lab, sent, answer.body())
                        .isEqualTo(expectedStatus);
                ConvergenceTest.pause(random.nextInt(MAX_GAP_MILLIS + 1));
            }
            try {
                labs.awaitConverged(lab, model.expected(), LabCluster.CONVERGENCE);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + " (replay with -Dchurn.seed=" + seed + "), lab " + lab
                        + ", requests " + sent + ": " + e.getMessage(), e);
            }
        }
    }

    /** One lifecycle request: {@code node} null for the lab's own. */
    record Request(String action, String node) {

        static Request random(Random random, boolean first) {
            if (first) { // a lab never started has no status to converge; the property is about what follows
                return new Request("start", null);
            }
            int pick = random.nextInt(20);
            if (pick < 5) {
                return new Request("start", null);
            } else if (pick < 9) {
                return new Request("stop", null);
            } else if (pick < 14) {
                return new Request("destroy", null);
            } else if (pick < 19) {
                String[] actions = {"start", "stop", "restart"};
                return new Request(actions[random.nextInt(3)], "r" + (1 + random.nextInt(NODES)));
            }
            return new Request("delete", null);
        }

        ApiClient.Response send(ApiClient user, UUID lab) {
            String path = "/api/v1/labs/" + lab;
            if (action.equals("delete")) {
                return user.delete(path);
            }
            return user.post(path + (node == null ? "" : "/nodes/" + node) + "/" + action, "");
        }

        @Override
        public String toString() {
            return node == null ? action : node + " " + action;
        }
    }

    /** What the requests so far asked for, and how the API answers the next one. */
    static final class Model {
        /** RUNNING, STOPPED, DESTROYED; null before the first start. */
        private DesiredRun desired;
        private final Map<String, Boolean> nodeRuns = new TreeMap<>();
        private boolean deleted;

        /** Applies a request the way the API does; @return the status it answers with. */
        int apply(Request request) {
            boolean deployed = desired == DesiredRun.RUNNING || desired == DesiredRun.STOPPED;
            if (request.node() != null) {
                if (desired != DesiredRun.RUNNING) {
                    return 409;
                }
                switch (request.action()) {
                    case "start" -> nodeRuns.put(request.node(), true);
                    case "stop" -> nodeRuns.put(request.node(), false);
                    default -> {
                        if (!nodeRuns.get(request.node())) {
                            return 409; // a stopped node is started, not restarted
                        }
                    }
                }
                return 202;
            }
            switch (request.action()) {
                case "start" -> {
                    desired = DesiredRun.RUNNING;
                    for (int i = 1; i <= NODES; i++) {
                        nodeRuns.put("r" + i, true);
                    }
                }
                case "stop" -> {
                    if (!deployed) {
                        return 409;
                    }
                    desired = DesiredRun.STOPPED;
                }
                case "destroy" -> desired = desired == null ? null : DesiredRun.DESTROYED;
                default -> {
                    deleted = true;
                    return 204;
                }
            }
            return 202;
        }

        LabCluster.Expected expected() {
            if (deleted) {
                return LabCluster.Expected.deleted();
            }
            if (desired == DesiredRun.DESTROYED) {
                return LabCluster.Expected.destroyed();
            }
            return LabCluster.Expected.deployed(desired == DesiredRun.RUNNING, nodeRuns);
        }
    }
}
